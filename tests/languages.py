"""Good letters written by hand in every language the checks know.

A thank-you note after a video interview, to Dr Helen Marsh, in English,
French, German, Spanish and Portuguese, as an email or a printed letter, as
the packaged letters will be written: a greeting line, the body's
paragraphs, and a last paragraph with the closing and the name; a printed
letter has its head (sender, date, recipient) first. Each paragraph has two
wordings; :func:`good_letters` draws one of each, so that property tests can
start from a letter that raises no finding and put one fault into it.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st

from postinterview import Format, Interview, Person
from postinterview.letters import Draft

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")  # a Friday
HELEN = Person(
    name="Helen Marsh",
    email="helen@acme.example",
    given_name="Helen",
    family_name="Marsh",
    honorific="Dr",
)
ORGANISATION = "Acme Robotics, Inc."
ROLE = "Senior Software Engineer"
VIDEO = Interview(
    organisation=ORGANISATION,
    role=ROLE,
    starts_at=END.subtract(hours=1),
    ends_at=END,
    interviewers=(HELEN,),
    format=Format.VIDEO,
)
NNBSP, NBSP = "\u202f", "\u00a0"


@attrs.frozen(kw_only=True)
class Language:
    """One language's letter: its pieces, and each paragraph's two wordings."""

    subject: str
    head: str
    greetings: dict[str, tuple[str, ...]]  # by variant
    closings: dict[str, str]  # by variant
    paragraphs: tuple[tuple[str, str], ...]


ENGLISH = Language(
    subject="Thank you",
    head=(
        "Sam Jones\n1 High Street\nBristol BS1 1AA\nsam@example.org\n\n"
        "21 November 2026\n\nDr Helen Marsh\nAcme Robotics, Inc."
    ),
    greetings={"email": ("Dear Dr Marsh,", "Dear Helen Marsh,")},
    closings={"email": "Kind regards,", "letter": "Yours sincerely,"},
    paragraphs=(
        (
            "Thank you for speaking with me by video on Friday 20 November about "
            f"the {ROLE} role at {ORGANISATION} It was good to hear how the team "
            "works day to day, and I came away with a far better sense of the work.",
            f"Many thanks for our video call on Friday 20 November about the {ROLE} "
            f"role at {ORGANISATION} Your account of the team's work and of the "
            "next steps was very clear.",
        ),
        (
            "I especially valued our conversation about the move from nightly "
            "batches to streaming. It is an area where I could contribute from "
            "the start.",
            "What you called \u201cthe invisible debt\u201d has stayed with me. "
            "Could you tell me more about how the team shares its on-call rota?",
        ),
        (
            "What I learned has strengthened my interest in the role and in "
            f"joining {ORGANISATION} If it would help, I can send examples of my "
            "work or the details of my references.",
            "I am more certain than ever that this role suits my experience. I "
            "would be glad to send examples of my work, or anything else that "
            "would help.",
        ),
        ("Thank you again for your time.", "I look forward to hearing from you."),
    ),
)

FRENCH = Language(
    subject="Merci pour notre \u00e9change",
    head=(
        "Sam Jones\n1 rue de la Paix\n75002 Paris\nsam@example.org\n\n"
        "Paris, le 21 novembre 2026\n\nMadame Helen Marsh\nAcme Robotics, Inc.\n\n"
        "Objet : remerciements apr\u00e8s notre entretien"
    ),
    greetings={
        "email": ("Bonjour Madame Marsh,", "Bonjour Helen Marsh,"),
        "letter": ("Madame,", "Madame, Monsieur,"),
    },
    closings={
        "email": "Bien cordialement,",
        "letter": (
            "Je vous prie d'agr\u00e9er, Madame, l'expression de mes salutations "
            "distingu\u00e9es."
        ),
    },
    paragraphs=(
        (
            "Je vous remercie de m'avoir accord\u00e9 votre temps le vendredi 20 "
            "novembre pour l'entretien en visioconf\u00e9rence sur le poste de "
            f"{ROLE} chez {ORGANISATION} Notre \u00e9change m'a permis de mieux "
            "comprendre le travail de l'\u00e9quipe au quotidien.",
            "Merci beaucoup pour notre \u00e9change en visioconf\u00e9rence du "
            f"vendredi 20 novembre au sujet du poste de {ROLE} chez {ORGANISATION} "
            "J'ai appr\u00e9ci\u00e9 la clart\u00e9 avec laquelle vous avez "
            "pr\u00e9sent\u00e9 les missions de l'\u00e9quipe.",
        ),
        (
            "J'ai particuli\u00e8rement appr\u00e9ci\u00e9 notre discussion sur le "
            "passage du traitement par lots au streaming. J'y vois un domaine "
            "o\u00f9 je pourrais contribuer d\u00e8s mon arriv\u00e9e.",
            f"Ce que vous avez appel\u00e9 \u00ab{NBSP}la dette invisible{NBSP}\u00bb "
            f"m'a beaucoup fait r\u00e9fl\u00e9chir. Une question me reste{NNBSP}: "
            "comment l'\u00e9quipe organise-t-elle ses astreintes"
            f"{NNBSP}?",
        ),
        (
            "Ce que j'ai appris renforce mon int\u00e9r\u00eat pour ce poste et mon "
            f"envie de rejoindre {ORGANISATION} Si cela peut vous \u00eatre utile, "
            "je peux vous envoyer des exemples de mon travail ou les "
            "coordonn\u00e9es de mes r\u00e9f\u00e9rences.",
            "Nous nous sommes d\u00e9couvert plusieurs int\u00e9r\u00eats communs, "
            "et ce poste me motive plus que jamais. Je reste \u00e0 votre "
            "disposition pour vous transmettre des exemples de mon travail.",
        ),
        (
            "Je vous remercie encore pour votre temps.",
            f"Au plaisir d'\u00e9changer de nouveau avec vous{NBSP}!",
        ),
    ),
)

GERMAN = Language(
    subject="Vielen Dank f\u00fcr das Gespr\u00e4ch",
    head=(
        "Sam Jones\nHauptstra\u00dfe 1\n10115 Berlin\nsam@example.org\n\n"
        "21. November 2026\n\nFrau Dr. Helen Marsh\nAcme Robotics, Inc."
    ),
    greetings={"email": ("Sehr geehrte Frau Dr. Marsh,", "Guten Tag Helen Marsh,")},
    closings={"email": "Mit freundlichen Gr\u00fc\u00dfen"},
    paragraphs=(
        (
            "vielen Dank f\u00fcr das Videogespr\u00e4ch am Freitag, 20. November, "
            f"\u00fcber die Stelle als {ROLE} bei {ORGANISATION} Es war sehr "
            "aufschlussreich zu h\u00f6ren, wie das Team im Alltag arbeitet.",
            "herzlichen Dank, dass Sie sich am Freitag, 20. November, Zeit f\u00fcr "
            f"unser Gespr\u00e4ch per Video \u00fcber die Stelle als {ROLE} bei "
            f"{ORGANISATION} genommen haben. Ihre Schilderung der Aufgaben hat "
            "mir ein klares Bild gegeben.",
        ),
        (
            "Besonders wertvoll fand ich unseren Austausch \u00fcber den Wechsel "
            "von n\u00e4chtlichen Batch-L\u00e4ufen zu Streaming. Dort sehe ich "
            "einen Bereich, in dem ich vom ersten Tag an beitragen k\u00f6nnte.",
            "Die Kolleginnen und Kollegen, die die Plattform betreiben, haben mich "
            "beeindruckt. Themen wie z. B. die Bereitschaftsdienste w\u00fcrde ich "
            "gern vertiefen.",
        ),
        (
            "Das Gespr\u00e4ch hat mein Interesse an der Stelle und an "
            f"{ORGANISATION} weiter gest\u00e4rkt. Gern sende ich Ihnen "
            "Arbeitsproben oder die Kontaktdaten meiner Referenzen, wenn Sie sie "
            "ben\u00f6tigen.",
            "Ich bin mehr denn je \u00fcberzeugt, dass diese Stelle zu meiner "
            "Erfahrung passt. Auf Wunsch schicke ich Ihnen gern Beispiele meiner "
            "Arbeit.",
        ),
        (
            "Nochmals vielen Dank f\u00fcr Ihre Zeit.",
            "Ich freue mich darauf, von Ihnen zu h\u00f6ren.",
        ),
    ),
)

SPANISH = Language(
    subject="Gracias por la videollamada",
    head=(
        "Sam Jones\nCalle Mayor 1\n28013 Madrid\nsam@example.org\n\n"
        "21 de noviembre de 2026\n\nDra. Helen Marsh\nAcme Robotics, Inc."
    ),
    greetings={"email": ("Estimada Dra. Marsh:", "Buenos d\u00edas, Helen Marsh:")},
    closings={"email": "Un cordial saludo,", "letter": "Atentamente,"},
    paragraphs=(
        (
            "Le agradezco el tiempo que me dedic\u00f3 el viernes, 20 de "
            f"noviembre, en la videollamada sobre el puesto de {ROLE} en "
            f"{ORGANISATION} La conversaci\u00f3n me permiti\u00f3 entender mucho "
            "mejor c\u00f3mo trabaja el equipo en el d\u00eda a d\u00eda.",
            "Muchas gracias por la videollamada del viernes, 20 de noviembre, "
            f"sobre el puesto de {ROLE} en {ORGANISATION} Su explicaci\u00f3n de "
            "las funciones del equipo y de los pr\u00f3ximos pasos me "
            "result\u00f3 muy clara.",
        ),
        (
            "Me result\u00f3 especialmente valiosa nuestra conversaci\u00f3n sobre "
            "el paso de los procesos nocturnos por lotes al streaming. Es un "
            "\u00e1mbito en el que podr\u00eda aportar desde el primer d\u00eda.",
            "Lo que coment\u00f3 sobre \u00abla deuda invisible\u00bb me dio mucho "
            "que pensar. \u00bfSer\u00eda posible saber algo m\u00e1s sobre "
            "c\u00f3mo se organizan las guardias?",
        ),
        (
            "Todo lo que escuch\u00e9 ha reforzado mi inter\u00e9s por el puesto y "
            f"por incorporarme a {ORGANISATION} Si le resulta \u00fatil, puedo "
            "enviarle ejemplos de mi trabajo o los datos de mis referencias.",
            "Estoy m\u00e1s convencida que nunca de que este puesto encaja con mi "
            "experiencia. Si lo desea, con gusto le enviar\u00e9 ejemplos de mi "
            "trabajo.",
        ),
        (
            "Muchas gracias de nuevo por su tiempo.",
            "\u00a1Muchas gracias de nuevo por su tiempo!",
        ),
    ),
)

PORTUGUESE = Language(
    subject="Obrigada pela conversa",
    head=(
        "Sam Jones\nRua Augusta 1\n01305-000 S\u00e3o Paulo\nsam@example.org\n\n"
        "21 de novembro de 2026\n\nDra. Helen Marsh\nAcme Robotics, Inc."
    ),
    greetings={"email": ("Prezada Dra. Marsh,", "Ol\u00e1, Helen Marsh,")},
    closings={"email": "Atenciosamente,"},
    paragraphs=(
        (
            "Agrade\u00e7o a aten\u00e7\u00e3o durante a chamada de v\u00eddeo da "
            f"sexta-feira, 20 de novembro, sobre a vaga de {ROLE} na "
            f"{ORGANISATION} A conversa me ajudou a entender muito melhor como a "
            "equipe trabalha no dia a dia.",
            "Muito obrigada pela chamada de v\u00eddeo de sexta-feira, 20 de "
            f"novembro, sobre a vaga de {ROLE} na {ORGANISATION} Sua "
            "explica\u00e7\u00e3o sobre as atividades da equipe foi muito clara.",
        ),
        (
            "Gostei especialmente da nossa conversa sobre a migra\u00e7\u00e3o do "
            "processamento noturno em lotes para streaming. \u00c9 uma \u00e1rea "
            "em que eu poderia contribuir desde o primeiro dia.",
            "O que a senhora disse sobre a \u201cd\u00edvida invis\u00edvel\u201d me "
            "fez refletir bastante. Seria poss\u00edvel saber um pouco mais sobre "
            "como a equipe organiza os plant\u00f5es?",
        ),
        (
            "Tudo o que ouvi refor\u00e7ou meu interesse pela vaga e pela "
            f"possibilidade de fazer parte da {ORGANISATION} Se for \u00fatil, "
            "posso enviar exemplos do meu trabalho ou os contatos das minhas "
            "refer\u00eancias.",
            "Estou ainda mais convencida de que esta vaga combina com a minha "
            "experi\u00eancia. Se desejar, terei prazer em enviar exemplos do meu "
            "trabalho.",
        ),
        (
            "Agrade\u00e7o mais uma vez pelo seu tempo e fico \u00e0 "
            "disposi\u00e7\u00e3o.",
            "Obrigada mais uma vez pela aten\u00e7\u00e3o.",
        ),
    ),
)

#: Each language's letter, by the locales that write it.
LANGUAGES = {"en": ENGLISH, "fr": FRENCH, "de": GERMAN, "es": SPANISH, "pt": PORTUGUESE}
#: The locales of each language that the tests draw: the shipped one first.
LOCALES = {
    "en": ("en_GB", "en_IE"),
    "fr": ("fr_FR", "fr_CA"),
    "de": ("de_DE", "de_AT"),
    "es": ("es_ES", "es_MX"),
    "pt": ("pt_BR", "pt_PT"),
}
VARIANTS = ("email", "letter")


def letter_text(
    language: Language,
    variant: str,
    *,
    greeting: int = 0,
    wording: tuple[int, ...] = (0, 0, 0, 0),
) -> str:
    """The text of *language*'s letter: *greeting* and *wording* pick the
    greeting (of the variant's) and each paragraph's wording."""
    greetings = language.greetings.get(variant, language.greetings["email"])
    closing = language.closings.get(variant, language.closings["email"])
    paragraphs = [
        options[choice]
        for options, choice in zip(language.paragraphs, wording, strict=True)
    ]
    parts = [greetings[greeting % len(greetings)], *paragraphs]
    if variant == "letter":
        parts.insert(0, language.head)
    return "\n\n".join([*parts, f"{closing}\nSam Jones"]) + "\n"


def draft(text: str, locale: str, **changes: Any) -> Draft:
    """A thank-you draft of *text* to Helen Marsh after the video interview."""
    fields: dict[str, Any] = {
        "kind": "thank_you",
        "to": HELEN,
        "subject": LANGUAGES.get(locale[:2], ENGLISH).subject,
        "text": text,
        "html": "<p></p>",
        "locale": locale,
        "interview": VIDEO,
    }
    fields.update(changes)
    return Draft(**fields)


@st.composite
def good_letters(draw: st.DrawFn, *, languages: tuple[str, ...] = tuple(LANGUAGES)):
    """Draw (language code, locale, variant, paragraphs chosen, text)."""
    code = draw(st.sampled_from(languages))
    language = LANGUAGES[code]
    locale = draw(st.sampled_from(LOCALES[code]))
    variant = draw(st.sampled_from(VARIANTS))
    wording = tuple(draw(st.integers(0, 1)) for _ in language.paragraphs)
    greeting = draw(st.integers(0, 1))
    text = letter_text(language, variant, greeting=greeting, wording=wording)
    return code, locale, variant, wording, text
