"""Word classes used by the trigger lexicon: object classes (what was signed, sent, imposed ...)
and light verbs that carry a noun trigger ("held talks", "extended an invitation").  Ours."""
from __future__ import annotations

# Word classes (lemmas).  Used by conditions and by argument/mode refinement.
CLASSES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "AGREEMENT": "agreement memorandum mou treaty accord deal pact protocol declaration roadmap "
                 "contract convention charter communique program programme plan document "
                 "arrangement understanding",
    "AID": "aid assistance supply relief loan grant credit funding fund donation equipment "
           "weapon arm vaccine food medicine shipment package tranche dollar euro million billion "
           "firearm rifle tent clothing blanket drug dose ambulance generator ton tonne water "
           "contribution medication convoy rescuer medic hospital help ammunition munition shell howitzer "
           "interceptor defence defense",
    "SANCTION": "sanction embargo restriction penalty tariff",
    "TALKS": "talk negotiation meeting consultation discussion dialogue summit visit conversation "
             "session round mediation effort contact",
    "FORCES": "troop force soldier army unit warship tank missile division battalion reservist "
              "brigade jet aircraft vessel ship peacekeeper contingent deployment",
    "DIPLOMAT": "ambassador envoy diplomat attache consul representative charge adviser advisor "
                "commissioner nuncio",
    "MISSION": "inspector observer peacekeeper monitor mission agency worker",
    "EASABLE": "curfew ban restriction emergency measure control rule law curb",
    "SIEGE": "blockade siege closure",
    "CROSSING": "border bridge crossing checkpoint airspace port",
    "STRIKE": "strike protest boycott demonstration",
    "BANNABLE": "party organization organisation group newspaper candidate publication movement "
                "opposition activity outlet website",
    "RELATIONS": "relation tie link",
    "CLAIM": "claim accusation allegation charge report proposal offer request demand call plan "
             "invitation appeal bid resolution ultimatum statement proposition idea",
    "PERSONS": "person national citizen journalist activist worker tourist",
    "TITLE": "president minister king emir sultan chancellor premier leader head delegation envoy ambassador "
             "counterpart secretary prince guest monarch emperor governor mayor speaker chairman",
    "PRIVATE": "pilgrim tourist migrant refugee fan student worker traveller traveler passenger visitor "
               "citizen resident national people family athlete team player businessman investor",
    "PROTESTERS": "protester demonstrator",
    "SPORTS": "team side squad club player champion striker eleven athlete runner",
    "CIVIL": "protester demonstrator student worker activist resident people thousand hundred dozen score "
             "farmer teacher doctor opposition supporter crowd villager youth union",
    "GIVE": "provide give send deliver donate grant allocate extend supply offer transfer ship "
            "dispatch pledge disburse approve",
    "PRAISE_ADJ": "reliable trusted important strategic key valued close good great friendly "
                  "brotherly strong true",
    # what courtesy thanks are for (the host's reception, the invitation, kind words): not an event
    "COURTESY": "reception welcome hospitality invitation greeting regard wish word courtesy kindness "
                "honour honor ceremony attention hosting",
    # what is conveyed as a courtesy ("asked him to convey his greetings")
    "GREETING": "greeting regard wish salute compliment",
    # firms and capital welcomed into a market: not guests received
    "BUSINESS": "company firm business investor investment enterprise entrepreneur exporter importer "
                "bank capital",
    # procedural details settled for an act already agreed ("the dates would be set ...")
    "PRACTICALITY": "date time timing detail modality venue schedule arrangement format programme "
                    "program agenda",
    # general goodwill ("ready to move forward together", "determined to keep improving relations")
    "GOODWILL": "move go continue keep deepen strengthen develop expand broaden improve advance enhance "
                "work build promote boost intensify pursue foster cooperate maintain",
    "ASSURE": "express reaffirm confirm reiterate voice declare announce state underline stress "
              "emphasize emphasise show demonstrate",
}.items()}

# Light verbs that carry a noun trigger, by class.
LIGHT: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "hold": "hold have conduct begin start open launch resume continue convene attend host "
            "chair join co-chair participate undertake renew",
    "pay": "pay make undertake conduct begin start",
    "give": "give extend accord offer",
    "invite": "extend convey issue send deliver hand reaffirm confirm renew reiterate "
              "express pass",
    "accept": "accept",
    "decline": "decline reject refuse turn",
    "sign": "sign conclude ink seal finalize finalise initial ratify exchange",
    "reach": "reach strike",
    "express": "express convey offer send extend voice pass reaffirm reiterate confirm renew declare",
    "impose": "impose reimpose slap introduce announce adopt expand extend tighten declare",
    "lift": "lift ease remove",
    "lodge": "lodge file deliver hand send issue make register declare announce reiterate repeat renew voice",
    "stage": "stage hold organize organise launch begin start go join call continue hold",
    "provide": "provide give send deliver donate grant allocate supply offer transfer ship "
               "dispatch disburse approve announce earmark authorize authorise release contribute pledge",
    "launch": "launch carry conduct mount stage begin start open complete undertake",
    "place": "put place keep raise",
    "cancel": "cancel call postpone scrap suspend",
    "claim": "claim accept admit deny bear",
}.items()}
