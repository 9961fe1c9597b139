"""Built-in German, French and Spanish rules for the commonest furniture.

Share bars, newsletter and login prompts, legal links and cookie notices,
date and read-time stamps, "read also" links, advertising labels, picture
credits and bylines. Same conventions as `patterns_en`.
"""

from __future__ import annotations

from .patterns_en import NAMES, SOCIAL
from .rules import Rule, starts, whole

MONTH_INTL = (
    r"januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    r"janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
WEEKDAY_INTL = (
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
)
STAMP_INTL = (
    rf"(?=[^\d]*\d)(?:(?:(?:{MONTH_INTL}|{WEEKDAY_INTL})\.?|\d{{1,4}}(?:er|\.)?|"
    r"\d{1,2}[:.h]\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"um|uhr|am|le|à|a las|de|del|el|mez|mesz|cet|cest|utc|h)[\s,.|/·•-]*)+"
)
STAMP_VERB_INTL = (
    r"veröffentlicht(?: am)?|aktualisiert(?: am)?|zuletzt aktualisiert(?: am)?|stand|erstellt(?: am)?|"
    r"publié(?: le)?|mis à jour(?: le)?|modifié(?: le)?|publicado(?: el)?|actualizado(?: el)?|"
    r"última actualización|fecha"
)

SHARE = (
    Rule(
        "share",
        "share_button",
        whole(
            rf"(?:teilen|partager|compartir|twittern|tweeter|merken)(?: (?:auf|sur|en|per|par|por|via) (?:{SOCIAL}))?|(?:auf|sur|en) (?:{SOCIAL}) (?:teilen|partager|compartir)|artikel teilen|link kopieren|copier le lien|copiar enlace|drucken|imprimer|imprimir|correo|courriel|partager (?:cet|l') ?article|compartir (?:este )?artículo"
        ),
        6,
    ),
    Rule(
        "share",
        "follow_prompt",
        whole(
            r"folgen sie uns(?: auf .{1,40})?|suivez-nous(?: sur .{1,40})?|síguenos(?: en .{1,40})?"
        ),
        8,
    ),
)

NEWSLETTER = (
    Rule(
        "newsletter",
        "newsletter_signup",
        r"\b(?:newsletter (?:abonnieren|bestellen)|jetzt (?:abonnieren|anmelden)|abonnez-vous|inscrivez-vous à (?:notre|la) (?:newsletter|lettre)|recevez (?:notre|la) newsletter|suscríbete|suscribirse|suscríbase|recibe (?:nuestro|el) (?:boletín|newsletter))\b",
        25,
        True,
        hint=("abonn", "anmelden", "inscrivez", "newsletter", "suscr", "boletín"),
    ),
    Rule(
        "newsletter",
        "newsletter_pitch",
        r"\b(?:direkt in ihr(?:en)? (?:postfach|posteingang)|dans votre boîte (?:mail|de réception|aux lettres)|en tu (?:bandeja de entrada|correo))\b",
        30,
        True,
        hint=("postfach", "posteingang", "boîte", "bandeja", "correo"),
    ),
)

ACCOUNT = (
    Rule(
        "account",
        "login_prompt",
        whole(
            r"(?:déjà abonné|bereits abonnent|schon abonniert|ya (?:eres|soy) suscriptor)\s*\?.{0,30}|anmelden|einloggen|abmelden|registrieren|mein konto|konto erstellen|se connecter|connexion|se déconnecter|s'inscrire|créer un compte|mon compte|iniciar sesión|cerrar sesión|registrarse|regístrate|mi cuenta|crear (?:una )?cuenta|acceder|entrar"
        ),
        4,
    ),
    Rule(
        "account",
        "paywall",
        r"\b(?:dieser (?:artikel|inhalt) ist (?:nur )?für (?:abonnenten|abonnentinnen|plus)|weiterlesen mit|cet article est réservé aux abonnés|il vous reste \d+% de cet article|la suite est réservée|este (?:artículo|contenido) es (?:exclusivo|solo) para (?:suscriptores|socios))",
        30,
        True,
        hint=(
            "abonnent",
            "weiterlesen",
            "abonnés",
            "il vous reste",
            "réservée",
            "suscriptores",
            "socios",
        ),
    ),
)

LEGAL = (
    Rule(
        "legal",
        "copyright",
        r"\balle rechte vorbehalten\b|\btous droits réservés\b|\btodos los derechos reservados\b|\breproduction interdite\b",
        25,
        True,
        hint=("vorbehalten", "réservés", "reservados", "interdite"),
    ),
    Rule(
        "legal",
        "cookie_notice",
        r"\b(?:diese (?:web)?(?:seite|site)|diese website|wir) (?:verwendet|verwenden|nutzt|nutzen) cookies\b|\b(?:ce site|nous) (?:utilise|utilisons) (?:des )?cookies\b|\b(?:este (?:sitio|sitio web|portal)|utilizamos|usamos) (?:utiliza |usa )?cookies\b|\bcookies (?:akzeptieren|accepter|aceptar)\b",
        40,
        True,
        hint=("cookie",),
    ),
    Rule(
        "legal",
        "policy_link",
        whole(
            r"(?:(?:datenschutz(?:erklärung|hinweise)?|impressum|agb|nutzungsbedingungen|cookie-?einstellungen|kontakt|barrierefreiheit|mentions légales|politique de confidentialité|confidentialité|conditions (?:générales )?d'utilisation|cgu|cgv|gestion des cookies|aviso legal|política de privacidad|política de cookies|términos y condiciones|condiciones de uso|privacidad|contacto)(?:[\s|·•,/&-]+)?){1,6}"
        ),
        16,
    ),
    Rule(
        "legal",
        "consent_terms",
        r"\b(?:mit (?:der|ihrer) anmeldung|en vous inscrivant|al (?:registrarte|suscribirte|hacer clic))\b.{0,80}\b(?:akzeptieren|stimmen|acceptez|aceptas|acepta)\b",
        45,
        True,
        hint=("anmeldung", "inscrivant", "registrarte", "suscribirte", "hacer clic"),
    ),
)

BYLINE = (
    Rule(
        "byline", "byline", whole(rf"(?:autor(?:in|a)?|auteur(?:e)?|texto|text)\s*:\s*{NAMES}"), 6
    ),
    Rule(
        "byline",
        "author_bio",
        starts(
            rf"{NAMES}\s+(?:ist|war|est|était|es|era)\s+(?:[\w-]+\s+){{0,3}}(?:redakteur(?:in)?|journalist(?:in)?|reporter(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste|rédact(?:eur|rice)|correspondante?|periodista|redactora?|corresponsal|reporter[oa])\b"
        ),
        40,
    ),
    Rule(
        "byline",
        "byline",
        starts(rf"(?:von|par|por)\s+{NAMES}(?:\s*$|\s*(?:,|\||/|•|·|–|—|-|\bund\b|\bet\b|\by\b))"),
        12,
    ),
    Rule(
        "byline",
        "reporting_credit",
        starts(r"(?:mit material (?:von|der)|avec (?:l'?)?(?:afp|agences)|con información de)\b"),
        20,
    ),
)

CAPTION = (
    Rule(
        "caption",
        "image_credit",
        starts(
            r"(?:foto|fotos|bild|bildquelle|quelle|photo|crédit photo|crédits? ?photos?|illustration|imagen|fuente)\s*(?::|\||/|—|–|©)"
        ),
        25,
    ),
    Rule(
        "caption",
        "image_credit",
        r"(?:/|\||—|–|-|:|©)\s*(?:dpa|afp|epa|reuters|getty images|picture alliance|imago|efe|europa press)\s*\)?\s*$",
        25,
        hint=(
            "dpa",
            "afp",
            "epa",
            "reuters",
            "getty",
            "picture alliance",
            "imago",
            "efe",
            "europa press",
        ),
    ),
)

TIMESTAMP = (
    Rule(
        "timestamp",
        "read_time",
        r"\b(?:lesezeit|lesedauer|temps de lecture|durée de lecture|lecture|tiempo de lectura|lectura)\s*:?\s*(?:ca\.\s*)?\d+|\b\d+\s*(?:min(?:uten)?\.?|minutes?|minutos?)\s*(?:lesezeit|de lecture|de lectura)\b",
        8,
        True,
        hint=("lese", "lecture", "lectura"),
    ),
    Rule("timestamp", "date_stamp", whole(rf"(?:(?:{STAMP_VERB_INTL})\s*:?\s*)?{STAMP_INTL}"), 16),
    Rule(
        "timestamp",
        "date_stamp",
        starts(rf"(?:{STAMP_VERB_INTL})\s*:?\s*{STAMP_INTL}(?:[|·•/-].{{0,80}})?$"),
        20,
        True,
    ),
)

NAVIGATION = (
    Rule(
        "navigation",
        "nav_link",
        whole(
            r"startseite|zur startseite|suche|zurück|weiter|mehr|schließen|accueil|retour à l(?:'|’)accueil|recherche|rechercher|retour|suivant|précédent|fermer|plus|inicio|volver (?:a la portada|al inicio)|portada|buscar|volver|siguiente|anterior|cerrar|más"
        ),
        4,
    ),
    Rule(
        "navigation",
        "related_links",
        whole(
            r"mehr zum thema.*|weitere artikel|das könnte sie auch interessieren|lesen sie auch.*|auch interessant|meistgelesen|lire aussi.*|à lire aussi.*|a lire aussi.*|sur le même sujet|voir aussi|articles similaires|les plus lus|leer más|lee también.*|te puede interesar|también te puede interesar|noticias relacionadas|lo más leído|más noticias|mehr nachrichten(?: aus| zu| zum| über) .{1,40}|vous aimerez aussi|plus d(?:'|’)actualités.*"
        ),
        12,
    ),
    Rule(
        "navigation",
        "related_links",
        starts(
            r"(?:lesen sie auch|mehr zum thema|mehr dazu|auch interessant|lire aussi|à lire aussi|a lire aussi|voir aussi|lee también|lea también|leer también|leer más|te puede interesar)\s*[:|]"
        ),
        30,
    ),
    Rule(
        "navigation",
        "comments",
        whole(
            r"kommentare?|\d+ kommentare?|commentaires?|\d+ commentaires?|comentarios?|\d+ comentarios?|kommentieren|commenter|réagir|comentar"
        ),
        4,
    ),
)

ADVERTISING = (
    Rule(
        "advertising",
        "ad_label",
        whole(
            r"anzeige|werbung|gesponsert|publicité|sponsorisé|contenu sponsorisé|publicidad|patrocinado|contenido patrocinado|iklan"
        ),
        4,
    ),
)

RULES = (
    SHARE + NEWSLETTER + ACCOUNT + LEGAL + BYLINE + CAPTION + TIMESTAMP + NAVIGATION + ADVERTISING
)
