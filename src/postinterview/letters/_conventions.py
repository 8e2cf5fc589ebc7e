"""Each language's conventions as the checks read a letter.

The checks know five languages: English, French, German, Spanish and
Portuguese. A draft's locale names its language by its first part, so a
regional tag (``fr_CA``, ``de_AT``, ``es_MX``, ``pt_PT``, ``en_IE``) is read
by its language's conventions. For each language this module holds how a
greeting opens and which titles and forms of address it may hold, how much
longer than English its letters run, which words may stand twice in a row,
which abbreviations keep their full stop, and the words that speak of a
meeting or promise an answer. A language not known here has no entry:
its letters are checked only for what needs no words of it.

The patterns are plain alternations with bounded repetition, so each scan
stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from postinterview.interview import Format
from postinterview.letters._parts import ABBREVIATIONS, GREETING, SAY

_I = re.IGNORECASE


@attrs.frozen(kw_only=True)
class Conventions:
    """What the checks know of one language (see the module's docstring)."""

    #: The language's ISO 639-1 code: "en", "fr", "de", "es" or "pt".
    language: str
    #: A line that is the letter's greeting (matched at the line's start).
    greeting: re.Pattern[str]
    #: The words a greeting opens with, before the name ("Sehr geehrte").
    opener: re.Pattern[str]
    #: Titles that go before a family name, casefolded, without a full stop.
    titles: frozenset[str]
    #: Words of a greeting that address a woman, or a man, casefolded.
    feminine: frozenset[str] = frozenset()
    masculine: frozenset[str] = frozenset()
    #: Words that make a greeting address several people ("Damen").
    plural: frozenset[str] = frozenset()
    #: Words that may greet a reader without their name (French "Madame,").
    courtesy: frozenset[str] = frozenset()
    #: A form of address for a reader of either sex ("Madame, Monsieur").
    neutral: re.Pattern[str] | None = None
    #: Words per English word, in hundredths (see ``letters.body_words``).
    words_per_hundred: int = 100
    #: Words that may stand twice in a row anywhere ("nous nous").
    doubled: frozenset[str] = frozenset()
    #: Words that may stand twice in a row after a comma, with at most one
    #: word between (German relative clauses: ", die die Stelle").
    doubled_after_comma: frozenset[str] = frozenset()
    #: Abbreviations whose full stop ends no sentence, casefolded.
    abbreviations: frozenset[str] = ABBREVIATIONS
    #: The heading of a call script's "What to say:" section.
    say: re.Pattern[str]
    #: Words that speak of the interview as a meeting in person.
    meeting: re.Pattern[str]
    #: Words after which a meeting is yet to come.
    ahead: re.Pattern[str]
    #: What a letter may say of a call, or a video call, instead of a meeting.
    instead: Mapping[Format, str]
    #: A writer's commitment ("I will"), and an answer ("decision").
    commits: re.Pattern[str]
    answers: re.Pattern[str]
    #: Whether the body's first word may be in lower case after a greeting
    #: that ends with a comma (German: "vielen Dank für ...").
    lower_after_greeting: bool = False
    #: Marks that take a (no-break) space before them (French "; : ! ?").
    spaced_marks: frozenset[str] = frozenset()
    #: Whether questions and exclamations open with "¿" and "¡" (Spanish).
    inverted_marks: bool = False


def language_of(locale: str) -> str:
    """The language part of *locale*, casefolded: "fr" for "fr_CA" or "fr-CA".

    >>> language_of("fr_CA"), language_of("pt-BR"), language_of("de")
    ('fr', 'pt', 'de')
    """
    return re.split(r"[-_.@]", locale.strip(), maxsplit=1)[0].casefold()


def conventions(locale: str) -> Conventions | None:
    """The conventions of *locale*'s language, or None when it is not known."""
    return LANGUAGES.get(language_of(locale))


def american(locale: str) -> bool:
    """Whether *locale* is American English ("en_US", "en-US")."""
    parts = re.split(r"[-_.@]", locale.strip().casefold())
    return parts[0] == "en" and len(parts) > 1 and parts[1] == "us"


# -- English -------------------------------------------------------------------

_EN = Conventions(
    language="en",
    greeting=GREETING,
    opener=GREETING,
    titles=frozenset(
        {"dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx"}
        | {"sir", "dame"}
    ),
    feminine=frozenset({"mrs", "ms", "miss", "madam"}),
    masculine=frozenset({"mr", "sir"}),
    plural=frozenset({"all", "everyone", "team", "colleagues", "sirs"}),
    say=SAY,
    meeting=re.compile(
        r"\bmeet(?:ing)?\s+(?:with\s+)?(?:me|you|us|him|her|them|everyone|"
        r"the\s+team|the\s+panel|your\s+team)\b"
        r"|\b(?:we|I|you|they)\s+(?:first\s+|last\s+|briefly\s+)?met\b"
        r"|\bmet\s+(?:me|you|us|with)\b"
        r"|\b(?:our|today's|yesterday's|today\u2019s|yesterday\u2019s)\s+meeting\b"
        r"|\bin\s+person\b",
        _I,
    ),
    ahead=re.compile(
        r"\b(?:will|would|shall|hope|hoping|look(?:ing)?\s+forward|next|future|soon)\b"
        r"|['\u2019](?:ll|d)\b",
        _I,
    ),
    instead={
        Format.TELEPHONE: "say 'speaking with you' or 'our conversation' instead",
        Format.VIDEO: "say 'speaking with you' or 'our conversation' instead",
    },
    commits=re.compile(
        r"\b(?:I\s+will|I\s+shall|I\s+can|I\s+expect\s+to|I\s+aim\s+to|I\s+plan\s+to"
        r"|I['\u2019]ll|you\s+will\s+have|you['\u2019]ll\s+have)\b",
        _I,
    ),
    answers=re.compile(
        r"\b(?:answer|reply|respond|response|decision|decide|confirm|let\s+you\s+know"
        r"|get\s+back\s+to\s+you|come\s+back\s+to\s+you|be\s+in\s+touch)\b",
        _I,
    ),
)

# Abbreviations every language's letters may hold: company forms, Latin
# ones, and titles shared with English.
_COMMON = frozenset(
    {
        *("e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "incl."),
        *("inc.", "ltd.", "co.", "corp.", "plc.", "llc.", "bros."),
        *("dr.", "prof.", "jr.", "sr.", "a.m.", "p.m.", "u.s.", "u.k."),
    }
)


def _instead(call: str, video: str) -> Mapping[Format, str]:
    """The advice of a meeting-after-call finding: the language's own words."""
    return {
        Format.TELEPHONE: f"speak of the conversation or the call instead ({call})",
        Format.VIDEO: f"speak of the conversation or the video call instead ({video})",
    }


# -- French --------------------------------------------------------------------

# The future and conditional of "rencontrer": a meeting yet to come.
_FR_TO_COME = r"(?!er(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)\b)"
_FR = Conventions(
    language="fr",
    # "Madame," and "Monsieur," open a printed letter, and also an address
    # block ("Madame Helen Marsh"): only the line that ends with a comma or a
    # colon is the greeting.
    greeting=re.compile(
        r"\s*(?:(?:bonjour|bonsoir|salut|chers?|ch\u00e8res?)\b"
        r"|(?:madame|monsieur|mademoiselle|mesdames|messieurs)\b.*[,:]\s*$)",
        _I,
    ),
    opener=re.compile(r"\s*(?:bonjour|bonsoir|salut|chers?|ch\u00e8res?)\b", _I),
    titles=frozenset(
        {"madame", "monsieur", "mme", "m", "mademoiselle", "mlle", "docteur"}
        | {"docteure", "dr", "professeur", "professeure", "pr", "prof", "ma\u00eetre"}
    ),
    feminine=frozenset({"madame", "mme", "mademoiselle", "mlle", "ch\u00e8re"}),
    masculine=frozenset({"monsieur", "m", "cher"}),
    plural=frozenset({"mesdames", "messieurs", "chers", "ch\u00e8res", "tous"}),
    courtesy=frozenset({"madame", "monsieur", "mademoiselle"}),
    neutral=re.compile(r"\bmadame\s*,?\s*monsieur\b|\bmonsieur\s*,?\s*madame\b", _I),
    words_per_hundred=114,
    doubled=frozenset({"nous", "vous"}),
    abbreviations=_COMMON
    | {"m.", "mm.", "p. ex.", "p.ex.", "c.-\u00e0-d.", "env.", "t\u00e9l."}
    | {"r\u00e9f.", "av.", "n\u00b0."},
    say=re.compile(r"[^\n]*\b(?:dire|direz|dis)\b[^\n]*:\s*$", _I),
    meeting=re.compile(
        r"\b(?:me|m['\u2019]|te|t['\u2019]|vous|nous)\s*rencontrer\b"
        r"|\b(?:m['\u2019]|t['\u2019]|vous|nous|l['\u2019])\s*avoir\s+rencontr\w*"
        r"|\b(?:vous|t['\u2019]|l['\u2019])\s*ai\s+rencontr\w*"
        r"|\bnous\s+nous\s+sommes\s+rencontr\w*"
        rf"|\brencontr{_FR_TO_COME}\w*\s+(?:l['\u2019]\u00e9quipe|votre\s+\u00e9quipe"
        r"|toute\s+l['\u2019]\u00e9quipe|vos\s+coll\u00e8gues)"
        r"|\b(?:notre|cette)\s+(?:rencontre|r\u00e9union)\b"
        r"|\ben\s+personne\b|\bde\s+visu\b|\ben\s+pr\u00e9sentiel\b",
        _I,
    ),
    ahead=re.compile(
        r"\b(?:esp\u00e8re|esp\u00e9rons|esp\u00e9rant|souhaite|souhaiterais"
        r"|souhaiterions|aimerais|aimerions|serais|serai|serons|serions|pourrions"
        r"|pourrons|pourrais|pourrai|attente|prochaine?s?|prochainement"
        r"|bient\u00f4t|futur|future|avenir)\b"
        r"|\brencontrer(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)\b"
        r"|\bau\s+plaisir\b",
        _I,
    ),
    instead=_instead(
        "'notre \u00e9change', 'notre entretien t\u00e9l\u00e9phonique'",
        "'notre \u00e9change', 'notre entretien en visioconf\u00e9rence'",
    ),
    commits=re.compile(
        r"\bje\s+(?:(?:vous|te|lui|leur|le|la|les|l['\u2019]|en|y)\s*){0,2}\w+rai\b"
        r"|\bj['\u2019](?:en\s+)?\w+rai\b"
        r"|\bje\s+(?:peux|compte|pr\u00e9vois)\b|\bvous\s+(?:aurez|recevrez)\b",
        _I,
    ),
    answers=re.compile(
        r"\b(?:r\u00e9pon|d\u00e9cid|d\u00e9cision|confirm)\w*|\bretour\b"
        r"|\b(?:revien\w*|revenir)\s+vers\s+vous\b"
        r"|\b(?:ferai|faire)\s+(?:part|savoir)\b|\b(?:tiendrai|tenir)\s+inform\w*",
        _I,
    ),
    spaced_marks=frozenset(";:!?"),
)

# -- German --------------------------------------------------------------------

_DE_OPENER = (
    r"\s*(?:sehr\s+geehrte[rn]?|guten\s+(?:tag|morgen|abend)|hallo"
    r"|liebe[rn]?\b(?!\s+gr\u00fc)|gr\u00fc\u00df\s+gott|gr\u00fcezi|servus|moin)\b"
)
_DE = Conventions(
    language="de",
    greeting=re.compile(_DE_OPENER, _I),
    opener=re.compile(_DE_OPENER, _I),
    titles=frozenset(
        {"frau", "herr", "dr", "doktor", "prof", "professor", "professorin"}
        | {"dipl", "ing", "mag", "med", "rer", "nat", "phil", "jur", "habil"}
    ),
    feminine=frozenset({"frau", "geehrte", "liebe"}),
    masculine=frozenset({"herr", "geehrter", "lieber"}),
    plural=frozenset({"damen", "herren", "kollegen", "kolleginnen", "team", "alle"}),
    # Measured at 96 on programs' messages, but the letters' formal German
    # ("dass Sie sich ... Zeit genommen haben") runs as long as English: a
    # German letter is held to the English bounds, never tighter.
    words_per_hundred=100,
    doubled=frozenset({"sie"}),
    doubled_after_comma=frozenset({"der", "die", "das", "den", "dem", "des"}),
    abbreviations=_COMMON
    | {"z. b.", "z.b.", "d. h.", "d.h.", "u. a.", "u.a.", "usw.", "bzw.", "ca."}
    | {"evtl.", "ggf.", "vgl.", "nr.", "bspw.", "sog.", "str.", "tel.", "dipl."}
    | {"ing.", "hr.", "fr.", "mag.", "inkl."},
    say=re.compile(r"[^\n]*\b(?:sagen|sage)\b[^\n]*:\s*$", _I),
    meeting=re.compile(
        r"\b(?:unser(?:em|es)?|das|dem|beim|vom|zum|diese[ms]?)\s+"
        r"(?:pers\u00f6nliche[ns]?\s+)?Treffen\b"
        r"|\b(?:Sie|Ihnen|euch|dich|uns|mich)\s+(?:pers\u00f6nlich\s+)?"
        r"(?:zu\s+treffen|getroffen\s+zu\s+haben)\b"
        r"|\bwir\s+uns\s+(?:pers\u00f6nlich\s+)?getroffen\b"
        r"|\bpers\u00f6nliche[nrs]?\s+(?:Gespr\u00e4ch|Kennenlernen|Treffen"
        r"|Vorstellungsgespr\u00e4ch)\w*"
        r"|\bpers\u00f6nlich\s+(?:kennen(?:zu)?lernen|kennengelernt|getroffen"
        r"|zu\s+treffen|gesprochen)\b"
        r"|\b(?:unsere[rn]?|die|der)\s+Begegnung\b"
        r"|\bbei\s+Ihnen\s+vor\s+Ort\b|\bGespr\u00e4chs?\s+vor\s+Ort\b",
        _I,
    ),
    ahead=re.compile(
        r"\b(?:werde|werden|w\u00fcrde|w\u00fcrden|wird|hoffe|hoffen|hoffentlich"
        r"|n\u00e4chste[nmrs]?|k\u00fcnftig\w*|zuk\u00fcnftig\w*|bald|baldig\w*"
        r"|m\u00f6chte|m\u00f6chten)\b"
        r"|\bfreu(?:e|en)\s+(?:mich|uns)\s+(?:\w+\s+)?(?:auf|darauf)\b",
        _I,
    ),
    instead=_instead(
        "'unser Gespr\u00e4ch', 'unser Telefonat'",
        "'unser Gespr\u00e4ch', 'unser Videogespr\u00e4ch'",
    ),
    commits=re.compile(
        r"\bich\s+(?:werde|kann|will|melde)\b|\b(?:werde|kann|will|melde)\s+ich\b"
        r"|\bSie\s+(?:werden|bekommen|erhalten)\b|\b(?:bekommen|erhalten)\s+Sie\b",
        _I,
    ),
    answers=re.compile(
        r"\b(?:antwort|r\u00fcckmeld|zur\u00fcckmeld|meld|entscheid|best\u00e4tig"
        r"|bescheid|zusage|absage|mitteil|mitzuteilen)\w*",
        _I,
    ),
    lower_after_greeting=True,
)

# -- Spanish -------------------------------------------------------------------

_ES_OPENER = (
    r"\s*(?:estimad[oa]s?|querid[oa]s?|distinguid[oa]s?|apreciad[oa]s?"
    r"|buen[oa]s\s+(?:d\u00edas|tardes|noches)|hola|muy\s+se\u00f1or(?:a|es)?)\b"
)
# A reunion or an encounter held by phone or video, said so.
_ES_REMOTE = (
    r"(?!\s+(?:virtual|telef\u00f3nic[oa]|en\s+l\u00ednea|online"
    r"|por\s+(?:tel\u00e9fono|v\u00eddeo|video|videollamada|videoconferencia)))"
)
_ES = Conventions(
    language="es",
    greeting=re.compile(_ES_OPENER, _I),
    opener=re.compile(_ES_OPENER, _I),
    titles=frozenset(
        {"sr", "sra", "srta", "se\u00f1or", "se\u00f1ora", "se\u00f1orita", "dr"}
        | {"dra", "doctor", "doctora", "prof", "profa", "profesor", "profesora"}
        | {"lic", "licenciado", "licenciada", "ing"}
    ),
    feminine=frozenset(
        {"sra", "se\u00f1ora", "srta", "se\u00f1orita", "dra", "doctora"}
        | {"estimada", "querida", "distinguida", "apreciada", "profesora", "profa"}
    ),
    masculine=frozenset(
        {"sr", "se\u00f1or", "estimado", "querido", "distinguido", "apreciado"}
        | {"profesor"}
    ),
    plural=frozenset(
        {"se\u00f1ores", "se\u00f1oras", "estimados", "estimadas", "todos", "equipo"}
    ),
    words_per_hundred=114,
    abbreviations=_COMMON
    | {"sra.", "srta.", "dra.", "profa.", "d.", "d\u00f1a.", "ud.", "uds."}
    | {"p. ej.", "p.ej.", "aprox.", "tel.", "n\u00fam.", "ej.", "p\u00e1g.", "lic."}
    | {"ing.", "avda."},
    say=re.compile(r"[^\n]*\b(?:decir|diga|digo)\b[^\n]*:\s*$", _I),
    meeting=re.compile(
        rf"\b(?:nuestra|esta|aquella|por\s+la)\s+reuni\u00f3n\b{_ES_REMOTE}"
        rf"|\b(?:nuestro|este|aquel|por\s+el)\s+encuentro\b{_ES_REMOTE}"
        r"|\breuni(?:rme|rnos|rse|rte|d[oa]s?)\s+con(?:migo)?\b"
        r"|\bnos\s+reunimos\b"
        r"|\ben\s+persona\b|\bpresencial(?:es|mente)?\b|\bcara\s+a\s+cara\b",
        _I,
    ),
    ahead=re.compile(
        r"\b(?:espero|esperamos|esperando|ojal\u00e1|pr\u00f3xim[oa]s?|pronto"
        r"|futur[oa]s?|gustar\u00eda|encantar\u00eda|ser\u00e1|ser\u00eda"
        r"|podr\u00eda|podr\u00edamos|podamos|tendr\u00e9|tendr\u00eda|espera)\b",
        _I,
    ),
    instead=_instead(
        "'nuestra conversaci\u00f3n', 'nuestra llamada'",
        "'nuestra conversaci\u00f3n', 'nuestra videollamada'",
    ),
    commits=re.compile(
        r"\b\w+r\u00e9\b|\bpuedo\b|\bvoy\s+a\b|\b(?:tendr\u00e1|recibir\u00e1)\b",
        _I,
    ),
    answers=re.compile(
        r"\b(?:respuesta|respond|contest|decisi\u00f3n|decid|confirm|comunic"
        r"|inform)\w*|\bdir\u00e9\b|\bdecirle\b",
        _I,
    ),
    inverted_marks=True,
)

# -- Portuguese ----------------------------------------------------------------

_PT_OPENER = (
    r"\s*(?:prezad[oa]s?|car[oa]s?|estimad[oa]s?|ol\u00e1|ola|bom\s+dia"
    r"|boa\s+(?:tarde|noite))\b"
)
# "Exmo. Senhor," opens a letter from Portugal, and an address block too.
_PT_FORMAL = r"|\s*(?:ex\.?m[oa]s?|ilm[oa]s?)\b.*[,:]\s*$"
_PT_REMOTE = (
    r"(?!\s+(?:virtual|on-?line|remot[oa]|telef\u00f4nic[oa]"
    r"|por\s+(?:telefone|v\u00eddeo|videochamada|videoconfer\u00eancia|chamada)))"
)
_PT = Conventions(
    language="pt",
    greeting=re.compile(f"(?:{_PT_OPENER}{_PT_FORMAL})", _I),
    opener=re.compile(_PT_OPENER, _I),
    titles=frozenset(
        {"sr", "sra", "srta", "senhor", "senhora", "senhorita", "dr", "dra"}
        | {"doutor", "doutora", "prof", "profa", "professor", "professora"}
        | {"exmo", "exma", "ilmo", "ilma", "eng"}
    ),
    feminine=frozenset(
        {"sra", "senhora", "srta", "senhorita", "dra", "doutora", "prezada"}
        | {"cara", "estimada", "profa", "professora", "exma", "ilma"}
    ),
    masculine=frozenset(
        {"sr", "senhor", "prezado", "caro", "estimado", "professor", "exmo", "ilmo"}
    ),
    plural=frozenset(
        {"senhores", "senhoras", "prezados", "prezadas", "todos", "equipe"}
    ),
    words_per_hundred=109,
    abbreviations=_COMMON
    | {"sra.", "srta.", "dra.", "profa.", "p. ex.", "p.ex.", "ex.", "aprox."}
    | {"tel.", "p\u00e1g.", "exmo.", "exma.", "ilmo.", "ilma.", "av.", "eng."},
    say=re.compile(r"[^\n]*\b(?:dizer|diga|digo|falar|fale)\b[^\n]*:\s*$", _I),
    meeting=re.compile(
        rf"\b(?:nossa|esta|essa|pela)\s+reuni\u00e3o\b{_PT_REMOTE}"
        rf"|\b(?:nosso|este|esse|pelo)\s+encontro\b{_PT_REMOTE}"
        r"|\bpessoalmente\b|\bpresencial(?:mente)?\b|\bem\s+pessoa\b"
        r"|\bcara\s+a\s+cara\b"
        r"|\bencontr[a\u00e1]-(?:lo|la|los|las)\b|\bnos\s+encontramos\b"
        r"|\bencontrar\s+(?:com\s+)?(?:o\s+senhor|a\s+senhora|voc\u00eas?"
        r"|a\s+equipe|o\s+time)\b",
        _I,
    ),
    ahead=re.compile(
        r"\b(?:espero|esperamos|esperando|aguardo|aguardamos|pr\u00f3xim[oa]s?"
        r"|breve|futur[oa]s?|gostaria|gostar\u00edamos|adoraria|ser\u00e1"
        r"|seria|poder\u00edamos|poderemos|possamos|ficarei|ficaria|terei|teria)\b",
        _I,
    ),
    instead=_instead(
        "'nossa conversa', 'nossa liga\u00e7\u00e3o'",
        "'nossa conversa', 'nossa chamada de v\u00eddeo'",
    ),
    commits=re.compile(
        r"\b\w+rei\b|\b\w+-(?:lhe|lhes|o|a|os|as|vos|te)-ei\b|\bposso\b|\bvou\b"
        r"|\b(?:ter\u00e1|receber\u00e1)\b",
        _I,
    ),
    answers=re.compile(
        r"\b(?:resposta|respond|decis\u00e3o|decid|confirm|retorn|inform"
        r"|comunic)\w*",
        _I,
    ),
)

#: The conventions of each language the checks know, by ISO 639-1 code.
LANGUAGES: Mapping[str, Conventions] = MappingProxyType(
    {c.language: c for c in (_EN, _FR, _DE, _ES, _PT)}
)

# Titles that say a reader is a woman, or a man, whatever the letter's
# language: a recipient's *honorific* is read with these. "Dr", "Prof" and
# "Mx" say neither.
FEMININE_TITLES = frozenset(
    {"ms", "mrs", "miss", "madam", "dame", "madame", "mme", "mademoiselle"}
    | {"mlle", "frau", "sra", "se\u00f1ora", "srta", "se\u00f1orita", "dra"}
    | {"doctora", "senhora", "senhorita", "doutora", "profa", "professora"}
    | {"profesora", "dona", "do\u00f1a"}
)
MASCULINE_TITLES = frozenset(
    {"mr", "sir", "monsieur", "m", "herr", "sr", "se\u00f1or", "senhor", "don"}
    | {"dom"}
)
