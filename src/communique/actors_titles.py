"""Titles and role nouns: "Foreign Minister" -> (role, display title, sector).

General vocabulary of offices, used by the resolver for title patterns ("Kazakh President X"),
appositives ("X, the foreign minister of Oman") and nominal coreference ("the diplomat").
"""
from __future__ import annotations

from typing import Optional

from .kb.names import norm

HOS, HOG, FM = "head of state", "head of government", "foreign minister"

# normalised title phrase -> (role, display title, sector)
TITLES: dict[str, tuple[str, str, str]] = {}


def _t(role: str, title: str, sector: str, *phrases: str) -> None:
    for p in phrases:
        TITLES[norm(p)] = (role, title, sector)


_t(HOS, "President", "GOV", "president", "president of the republic", "head of state", "the head of state")
_t(HOS, "Sultan", "GOV", "sultan", "his majesty sultan", "his majesty the sultan")
_t(HOS, "King", "GOV", "king", "his majesty king")
_t(HOS, "Queen", "GOV", "queen")
_t(HOS, "Emir", "GOV", "emir", "amir")
_t(HOS, "Grand Duke", "GOV", "grand duke")
_t(HOS, "Crown Prince", "GOV", "prince")
_t(HOS, "Monarch", "GOV", "monarch")
_t(HOS, "Supreme Leader", "GOV", "supreme leader")
_t(HOS, "Leader", "GOV", "leader", "national leader")
_t(HOG, "Prime Minister", "GOV", "prime minister", "pm", "head of government", "chairman of the government")
_t(HOG, "Premier", "GOV", "premier")
_t(HOG, "Chancellor", "GOV", "chancellor", "federal chancellor")
_t(FM, "Foreign Minister", "GOV", "foreign minister", "minister of foreign affairs", "minister for foreign affairs",
   "foreign affairs minister", "secretary of state", "minister of external affairs",
   "external affairs minister", "minister of external relations", "minister of foreign affairs and trade",
   "minister of foreign affairs and international cooperation",
   "deputy prime minister minister of foreign affairs", "deputy prime minister and foreign minister",
   "deputy prime minister and minister of foreign affairs", "top diplomat", "chief diplomat")
_t(FM, "Foreign Secretary", "GOV", "foreign secretary")      # a minister in London, a civil servant in Delhi
_t("deputy foreign minister", "Deputy Foreign Minister", "GOV", "deputy foreign minister",
   "deputy minister of foreign affairs", "vice foreign minister", "first deputy foreign minister")
_t("deputy head of government", "Deputy Prime Minister", "GOV", "deputy prime minister", "vice premier",
   "first deputy prime minister")
_t("vice president", "Vice President", "GOV", "vice president", "vice-president")
_t("crown prince", "Crown Prince", "GOV", "crown prince")
_t("defence minister", "Defence Minister", "GOV", "defence minister", "defense minister", "minister of defence",
   "minister of defense", "defense secretary", "secretary of defense")
_t("interior minister", "Interior Minister", "GOV", "interior minister", "minister of internal affairs",
   "minister of interior", "minister of the interior", "home secretary")
_t("finance minister", "Finance Minister", "GOV", "finance minister", "minister of finance", "treasury secretary")
_t("trade minister", "Trade Minister", "GOV", "trade minister", "minister of trade", "minister of trade and integration",
   "economy minister", "minister of economy", "minister of national economy")
_t("minister of state for foreign affairs", "Minister of State for Foreign Affairs", "GOV",
   "minister of state for foreign affairs", "state minister for foreign affairs")
_t("minister", "Minister", "GOV", "minister", "cabinet minister", "state minister", "minister of state")
_t("ambassador", "Ambassador", "GOV", "ambassador", "envoy", "special envoy", "special representative",
   "charge d'affaires", "permanent representative", "ambassador extraordinary and plenipotentiary")
_t("diplomat", "Diplomat", "GOV", "diplomat", "senior diplomat")
_t("spokesperson", "Spokesperson", "GOV", "spokesperson", "spokesman", "spokeswoman", "press secretary",
   "foreign ministry spokesperson", "foreign ministry spokesman", "foreign ministry spokeswoman")
_t("secretary-general", "Secretary-General", "GOV", "secretary general", "secretary-general")
_t("commander", "Commander", "MIL", "general", "gen", "lt gen", "maj gen", "brig gen", "col", "adm", "commander", "army chief", "chief of general staff", "chief of the general staff", "army chief of staff",
   "military chief of staff", "chief of defence staff", "chief of defense staff", "chairman of the joint chiefs of staff",
   "military commander", "admiral", "colonel")
_t("legislator", "Speaker", "LEG", "speaker", "speaker of parliament", "parliament speaker", "senator",
   "lawmaker", "member of parliament", "mp", "mep", "member of the european parliament", "congressman",
   "congresswoman", "representative", "rep")
_t("opposition leader", "Opposition Leader", "OPP", "opposition leader", "leader of the opposition")
_t("governor", "Governor", "GOV", "governor")
_t("ruler", "Ruler", "GOV", "ruler")
_t("negotiator", "Negotiator", "GOV", "negotiator", "chief negotiator")
_t("mayor", "Mayor", "GOV", "mayor")
_t("official", "Official", "GOV", "official", "senior official", "government official", "head", "chief",
   "chief of staff")
_t("executive", "Chief Executive", "BUS", "ceo", "chief executive")
_t("official", "Presidential Aide", "GOV", "presidential aide", "presidential adviser", "presidential advisor",
   "kremlin aide", "aide")

MAX_TITLE_WORDS = max(len(k.split()) for k in TITLES)
TITLE_LAST_WORDS = {k.split()[-1] for k in TITLES}
TITLE_FIRST_WORDS = {k.split()[0] for k in TITLES}

# Words that may precede a name but are not part of it.
HONORIFICS = {norm(x) for x in ("Majesty", "Highness", "Excellency", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sheikh", "Shaikh", "Sayyid",
                                "Sayed", "His Majesty", "Her Majesty", "His Excellency", "Her Excellency", "HE",
                                "H.E.", "HH", "His Highness", "Her Highness", "Prof", "Prof.", "Madam", "Sir",
                                "Lord", "Dame")}
NAME_PARTICLES = {"bin", "bint", "ibn", "al", "el", "ben", "de", "da", "di", "del", "van", "von", "der", "la", "le",
                  "abu", "ould", "wa"}
FORMER = {"former", "ex", "late", "previous", "erstwhile"}
NEXT = {"incoming", "designate", "elect", "new", "acting", "interim", "caretaker", "then", "outgoing"}
# Words that end or make up the names of things, not people ("Premier League", "Simla Agreement").
NAME_STOP = set("""league cup championship agreement treaty accord accords herald times post daily news agency plan
declaration initiative forum summit university party bank group council ministry airport river street square
company corporation forces force army committee commission fund foundation institute organization
organisation union alliance pact protocol convention conference games olympics tournament club stadium
index exchange market desk""".split())

# Role nouns used in nominal coreference ("the diplomat", "the president", "the Sultan of Oman").
# noun -> set of roles it may refer to (None = any person)
COREF_NOUNS: dict[str, Optional[set]] = {
    "president": {HOS}, "head of state": {HOS}, "sultan": {HOS}, "king": {HOS}, "queen": {HOS}, "emir": {HOS},
    "monarch": {HOS}, "leader": {HOS, HOG}, "prime minister": {HOG}, "premier": {HOG}, "chancellor": {HOG},
    "head of government": {HOG},
    "foreign minister": {FM}, "minister of foreign affairs": {FM}, "foreign secretary": {FM, "official"},
    "secretary of state": {FM}, "top diplomat": {FM}, "chief diplomat": {FM},
    "minister": {FM, "minister", "defence minister", "interior minister", "finance minister", "trade minister",
                 "deputy foreign minister", HOG},
    "diplomat": {FM, "ambassador", "diplomat", "deputy foreign minister"},
    "envoy": {FM, "ambassador", "diplomat", "deputy foreign minister"},
    "ambassador": {"ambassador"},
    "spokesperson": {"spokesperson"}, "spokesman": {"spokesperson"}, "spokeswoman": {"spokesperson"},
    "secretary general": {"secretary-general"},
    "crown prince": {"crown prince"},
    "ruler": {HOS, "ruler"},
    "guest": None, "host": None,
}
COREF_MAX_WORDS = max(len(k.split()) for k in COREF_NOUNS)

# Nouns after a country word that make it the government ("the Omani side", "Kazakh authorities").
GOV_NOUNS = {"side", "government", "authorities", "leadership", "delegation", "administration", "cabinet",
             "regime", "officials", "foreign ministry", "ministry of foreign affairs", "mfa", "state"}
# Phrases meaning "both parties of the article".
PAIR_PHRASES = {"the two sides", "both sides", "the two countries", "both countries", "the two states",
                "the two nations", "both nations", "the parties", "the two leaders", "both leaders",
                "the interlocutors", "the two presidents", "the two ministers", "the sides",
                "the two governments", "both governments", "the two neighbours", "the two neighbors"}

# Words that title-case a token after a country name without making a proper name with it.
NON_NAME_NEXT = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "and", "or",
                 "january", "february", "march", "april", "may", "june", "july", "august", "september",
                 "october", "november", "december", "has", "is", "was", "will", "said", "says"}
# Words after a country name that make it part of a name of an outlet, company or team.
PROPER_NEXT = {"daily", "times", "post", "news", "today", "radio", "tv", "television", "herald", "tribune",
               "gazette", "journal", "telegraph", "press", "air", "airways", "airlines", "telecom", "railways",
               "tech", "mobile", "global", "insider", "observer", "review", "weekly", "standard", "focus",
               "river", "valley", "basin", "street", "avenue", "hotel", "university"}
# Lower-case words after a country name that make it something else (Guinea pig, turkey dinner).
ANIMAL_NEXT = {"pig", "pigs", "fowl", "worm", "worms", "hen", "hens", "dinner", "sandwich", "breast", "vulture",
               "farm", "farms", "feathers", "roast", "leg", "legs"}


# Words that name a ministry's portfolio ("Minister of Energy", "Agriculture Minister").
PORTFOLIOS = set("""economy economic energy finance finances trade defence defense interior internal justice health
education agriculture transport transportation industry culture labour labor foreign affairs and national digital
development investment investments emergency emergencies situations information communications communication
environment natural resources water ecology science higher sport sports tourism youth social protection
integration infrastructure commerce mines mining petroleum oil gas planning public works security state the
territorial administration religious family women children housing urban construction innovation technology
technologies aerospace fisheries food rural energy trade international relations cooperation european
migration home environmental climate economic equality veterans budget treasury communications media arts
heritage promotion export exports entrepreneurship enterprise enterprises privatization industrial
competition consumer labour employment statistics property lands land forestry forests livestock""".split())


# Heads of generic official titles and the words that may qualify them.
GENERIC_HEADS = {"aide": "official", "chief": "official", "official": "official", "adviser": "official", "advisor": "official",
                 "negotiator": "official", "coordinator": "official", "commissioner": "official",
                 "secretary": "official", "envoy": "ambassador", "representative": "ambassador",
                 "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson"}
MODIFIERS = PORTFOLIOS | set("""top senior national chief special presidential policy security nuclear deputy first
lead head principal government ministry intelligence military humanitarian human rights aid relief refugee
political economic army defence defense police""".split())


def title_info(phrase_norm: str) -> Optional[tuple[str, str, str]]:
    """(role, display title, sector) for a normalised title phrase, allowing generic 'minister of X'."""
    info = TITLES.get(phrase_norm)
    if info:
        return info
    words = phrase_norm.split()
    if (phrase_norm.startswith("minister of ") or phrase_norm.startswith("minister for ")) and len(words) <= 7 \
            and words[-1] not in ("of", "for", "the", "and", "in") and words.count("of") + words.count("for") == 1 \
            and all(w in PORTFOLIOS for w in words[2:]):
        return ("minister", "Minister", "GOV")
    if phrase_norm.endswith(" minister") and len(words) <= 3 and all(w in PORTFOLIOS for w in words[:-1]):
        return ("minister", "Minister", "GOV")
    if 1 < len(words) <= 5 and words[-1] in GENERIC_HEADS and all(w in MODIFIERS for w in words[:-1]):
        role = GENERIC_HEADS[words[-1]]                 # "foreign policy chief", "national security adviser"
        return (role, " ".join(w.capitalize() for w in words), "GOV")
    if phrase_norm.startswith("deputy ") or phrase_norm.startswith("vice "):
        inner = title_info(phrase_norm.split(" ", 1)[1])
        if inner:
            return ("deputy " + inner[0], "Deputy " + inner[1], inner[2])
    return None


SECTOR_OF_ROLE = {"commander": "MIL", "defence minister": "GOV", "legislator": "LEG", "opposition leader": "OPP",
                  "executive": "BUS"}


# Head nouns that make "<demonym> <noun>" an act of the country's forces ("Israeli strikes", "Iranian
# missiles", "the Pakistani shelling") or of its government ("Chinese sanctions", "US tariffs").
FORCE_NOUNS = set("""strike strikes airstrike airstrikes missile missiles drone drones rocket rockets shelling
shell shells bombardment bombing bombings attack attacks raid raids offensive warplane warplanes jet jets tank
tanks artillery gunfire fire incursion incursions invasion operation operations blockade warship warships
bomber bombers shelling barrage barrages assault assaults counteroffensive offensive incursion
airstrike""".split())
ACTION_NOUNS = set("""announcement announcements aid assistance motives intentions position stance initiative
offer plan move efforts claims claim support reply goods products exports imports ship ships vessel vessels
plane planes aircraft tanker tankers boat boats trawler trawlers sanctions sanction tariffs tariff proposal proposals statement statements demand demands
decision decisions veto threat threats ultimatum retaliation response pressure crackdown embargo ban
accusation accusations warning warnings""".split())

# Weapon systems named like people ("two Patriot batteries", "Storm Shadow missiles", "the Abrams"):
# never person actors.  WEAPON_NAMES (normalised, one or more words) are weapon names whatever follows;
# WEAPON_AMBIGUOUS are also surnames or given names (Stacey Abrams, Bradley) and are weapons only when a
# weapon noun follows or a number precedes ("31 Abrams", "Leopard 2 tanks").
WEAPON_NAMES = {
    "patriot", "patriots", "himars", "iskander", "iskander m", "storm shadow", "storm shadows", "atacms",
    "kinzhal", "kinzhals", "shahed", "shaheds", "geran", "f 16", "f 16s", "f 35", "f 35s", "f 15", "f 18",
    "su 24", "su 25", "su 27", "su 30", "su 34", "su 35", "su 57", "mig 29", "mig 31", "tu 95", "tu 22m3",
    "javelin", "javelins", "stinger", "stingers", "nasams", "iris t", "taurus", "scalp", "kalibr", "oreshnik",
    "tomahawk", "tomahawks", "iron dome", "david's sling", "arrow 3", "thaad", "bayraktar", "bayraktars",
    "lancet", "lancets", "sarmat", "zircon", "tsirkon", "s 300", "s 400", "s 500", "gripen", "gripens",
    "rafale", "rafales", "eurofighter", "gepard", "gepards", "marder", "marders", "stryker", "strykers",
    "hellfire", "harpoon", "harpoons", "neptune", "tochka", "tochka u", "kh 101", "kh 22", "samp/t",
    "mlrs", "grad", "tornado", "uragan", "smerch", "krab", "pantsir", "tor", "buk", "hwasong", "fattah",
    "kheibar", "sejjil", "burkan", "kornet", "hellfires", "reaper", "reapers",
    "switchblade", "switchblades", "leopard", "leopards", "leopard 1", "leopard 2", "leopard 2a6"}
WEAPON_AMBIGUOUS = {"abrams", "bradley", "bradleys", "challenger", "challenger 2", "caesar", "caesars",
                    "typhoon", "typhoons", "archer", "paladin", "avenger", "hawk", "centurion", "piranha",
                    "warrior", "jackal", "mastiff", "boxer", "puma", "cheetah", "cobra", "apache", "apaches",
                    "black hawk", "black hawks", "chinook", "chinooks", "predator", "global hawk", "sentinel",
                    "emad", "fattah", "ghadr", "qassam"}
WEAPON_NOUNS = {"system", "systems", "missile", "missiles", "launcher", "launchers", "battery", "batteries",
                "tank", "tanks", "jet", "jets", "fighter", "fighters", "drone", "drones", "rocket", "rockets",
                "interceptor", "interceptors", "air", "anti", "howitzer", "howitzers", "vehicle", "vehicles",
                "helicopter", "helicopters", "aircraft", "warplane", "warplanes", "munition", "munitions",
                "round", "rounds", "shell", "shells", "cruise", "ballistic", "unit", "units", "gun", "guns",
                "armoured", "armored", "artillery", "bomber", "bombers", "platform", "platforms", "complex",
                "complexes", "fleet", "variant", "squadron", "squadrons", "crews", "crew", "pilots"}
# Nouns that, right after a capitalised name, make it a weapon whatever the name ("Foo missiles").
WEAPON_HEADS = {"missile", "missiles", "launcher", "launchers", "tank", "tanks", "drone", "drones", "howitzer",
                "howitzers", "interceptor", "interceptors", "rocket", "rockets", "batteries", "warplanes",
                "jets", "helicopters", "munitions"}
