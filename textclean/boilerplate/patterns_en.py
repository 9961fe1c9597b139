"""Built-in English boilerplate rules, one block per category.

Rules are conservative on purpose: a phrase either must be the whole segment
(`whole`), must open it (`starts`) with a furniture-only wording, or is so
specific to page chrome ("all rights reserved", "AP Photo/") that it cannot
be reporting. Each carries a length cap (see `textclean.boilerplate.rules`).
"""

from __future__ import annotations

from .rules import Rule, starts, whole

#: A capitalised word, case-sensitive even inside case-insensitive patterns.
NAME = r"(?-i:\p{Lu}[\p{L}'’.-]*)"
#: Two to four name words ("Brendyn Lotz", "Mary de la Cruz").
NAMES = rf"{NAME}(?:\s+(?:{NAME}|de|la|van|von|da|del|der|bin|al)){{1,3}}"
SOCIAL = (
    r"facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|tumblr|flipboard|pocket|"
    r"messenger|telegram|instagram|youtube|tiktok|snapchat|mix|buffer|vk|odnoklassniki|"
    r"e-?mail|email|sms|print|copy link|google\+?"
)
MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WEEKDAY = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
#: One token of a date or time stamp.
STAMP_TOKEN = (
    rf"(?:{MONTH}|{WEEKDAY})\.?|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?|"
    r"\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}|"
    r"[ap]\.?m\.?|at|on|of|(?:[a-z]{1,4})?[ecmp][sd]?t|gmt|utc|bst|cet|cest|ist|z"
)
#: A whole date/time stamp: stamp tokens only, with at least one digit.
STAMP = rf"(?=[^\d]*\d)(?:(?:{STAMP_TOKEN})[\s,.|/·•-]*)+"
STAMP_VERB = r"published|updated|posted|last (?:modified|updated)|modified|first published|created|date|dated"

SHARE = (
    Rule(
        "share", "share_button", whole(rf"(?:share|tweet|pin it|like|send|save)?\s*(?:{SOCIAL})"), 3
    ),
    Rule(
        "share",
        "share_button",
        whole(
            rf"(?:share|tweet|post|send)(?: this(?: \w+)?)?(?: (?:on|via|to|with|by) (?:{SOCIAL}|mail))?|(?:show )?(?:more )?sharing options|social media"
        ),
        6,
    ),
    Rule(
        "share", "share_button", starts(r"share (?:on|via|to|with|this|all sharing options)\b"), 14
    ),
    Rule("share", "share_list", whole(rf"(?:(?:{SOCIAL})[\s,|·•/]*){{2,}}"), 14),
    Rule(
        "share",
        "share_prompt",
        whole(
            r"sharing is caring|share (?:your thoughts|this story|this article)(?: with \w+)?|click to (?:share|tweet|email|print)\b.*|\d+\s*shares?"
        ),
        8,
    ),
    Rule(
        "share",
        "follow_prompt",
        starts(rf"follow (?:us|me|the author|@\w+|{NAMES})\b.{{0,80}}(?:{SOCIAL}|social media|$)"),
        22,
    ),
    Rule("share", "follow_prompt", whole(r"follow(?: us)?(?: on)?(?: social media)?"), 5),
    Rule(
        "share",
        "share_count",
        starts(r"this (?:story|article|post|page) has been shared [\d,.]+k? times[\s\p{P}\d,.k]*$"),
        14,
    ),
    Rule(
        "share",
        "share_count",
        starts(r"(?:this|your) (?:story|article|link|page) has been (?:e-?mailed|sent)\b"),
        14,
    ),
    Rule("share", "share_count", r"\be-?mailed to (?:your|a) friend\b", 14, hint=("mailed to",)),
)

NEWSLETTER = (
    Rule(
        "newsletter",
        "newsletter_signup",
        starts(
            r"(?:get|receive|sign up for) (?:our |the )?(?:free )?(?:breaking |latest |daily )?(?:news )?(?:alerts|newsletters?|updates)\b"
        ),
        14,
    ),
    Rule(
        "newsletter",
        "newsletter_signup",
        starts(
            r"subscribe to\b.{0,60}\b(?:on youtube|newsletter|channel|podcast|for (?:more|the latest))"
        ),
        20,
    ),
    Rule(
        "newsletter",
        "newsletter_pitch",
        r"\b(?:news|stories|headlines|newsletter|briefing|picks)\b.{0,80}\bdelivered\b.{0,30}\b(?:mornings?|evenings?|weekdays?|daily|weekly|inbox)\b",
        30,
        True,
        hint=("delivered",),
    ),
    Rule(
        "newsletter",
        "newsletter_signup",
        starts(
            r"(?:sign up|subscribe|register) (?:now |today |here )?(?:for|to) (?:our|the|my|a)\b.{0,60}(?:newsletter|e-?mails?|alerts|updates|briefing|digest|podcast|channel)"
        ),
        30,
        True,
    ),
    Rule(
        "newsletter",
        "newsletter_signup",
        whole(
            r"(?:get |join |sign up for |subscribe to )?(?:our |the )?(?:free |daily |weekly )?(?:e-?mail )?newsletters?(?: sign-?up)?|subscribe(?: now| today| here)?|sign up(?: now| here| today)?|email me|get alerts"
        ),
        7,
    ),
    Rule(
        "newsletter",
        "newsletter_pitch",
        r"\b(?:curated|hand-?picked|selected) by (?:\w+\s){0,3}?(?:editors|newsroom|our team)\b",
        30,
        True,
        hint=("curated", "picked", "selected"),
    ),
    Rule(
        "newsletter",
        "newsletter_pitch",
        r"\bdelivered (?:straight |directly |right )?(?:to your inbox|to your e-?mail)\b|\bin your inbox\b|\bno spam\b|\bunsubscribe at any time\b",
        30,
        True,
        hint=("inbox", "spam", "unsubscribe", "e-mail", "email"),
    ),
    Rule(
        "newsletter",
        "newsletter_pitch",
        starts(
            r"(?:get|want|receive|never miss)\b.{0,50}\b(?:newsletter|inbox|subscription|headlines|stories) (?:every|each|daily|weekly|delivered)"
        ),
        30,
    ),
    Rule(
        "newsletter",
        "newsletter_pitch",
        r"\b(?:click|tap) (?:here )?to subscribe\b|\bget a subscription\b|\bthanks? (?:you )?for (?:signing up|subscribing)\b",
        30,
        hint=("subscri",),
    ),
    Rule(
        "newsletter",
        "support_pitch",
        whole(
            r"(?:please )?support (?:local|independent|quality|nonprofit|non-profit|our|trusted|fact-based|real|public[- ]service) (?:journalism|reporting|news)(?: today| now)?"
        ),
        8,
    ),
    Rule(
        "newsletter",
        "support_pitch",
        starts(
            r"(?:your|reader) support (?:keeps|helps|makes|allows|enables|sustains|funds|powers) (?:us|our|this (?:site|newsroom|work|journalism)|independent|local|quality|journalism)\b"
        ),
        25,
    ),
    Rule(
        "newsletter",
        "support_pitch",
        whole(r"(?:please )?(?:donate|give|contribute) (?:now|today)(?: to [^,;:]{1,40})?"),
        10,
    ),
    Rule(
        "newsletter",
        "support_pitch",
        whole(r"become a (?:member|supporter|sustaining member|patron|subscriber|donor)"),
        6,
    ),
    Rule(
        "newsletter",
        "newsletter_pitch",
        starts(
            r"(?:like|liked|enjoy|enjoyed|love|loved) (?:this|our) (?:story|article|post|piece|newsletter|content|page|read)\b.{0,30}\?|(?:like|liked|enjoy|enjoyed|love|loved) (?:what you(?:'|’)re reading|reading this)\b.{0,30}\?"
        ),
        25,
    ),
    Rule(
        "newsletter",
        "tip_line",
        starts(
            r"(?:do you )?(?:have|got) an? (?:news |story )?tip(?: or (?:a )?story idea| for us| we should know)?\s*\?"
        ),
        25,
    ),
    Rule(
        "newsletter",
        "trial_offer",
        starts(
            r"(?:start|begin|try|get|claim) (?:your |a |our )?(?:free (?:\d+[- ](?:day|week|month) )?|\d+[- ](?:day|week|month) (?:free )?)trial\b|(?:start|try) (?:your |a )?trial(?: now| today)?[\s\p{P}]*$|(?:start|try) (?:your |a )?trial (?:for|at) (?:just |only )?[$£€]"
        ),
        14,
    ),
    Rule(
        "newsletter",
        "email_field",
        whole(
            r"(?:enter |your )?(?:your )?e-?mail(?: address)?(?: here)?|invalid e-?mail(?: address)?"
        ),
        5,
    ),
)

ACCOUNT = (
    Rule(
        "account",
        "login_prompt",
        whole(
            r"(?:log ?in|log ?out|sign ?in|sign ?out|register|subscribe\s*sign ?in|create (?:an |your )?(?:free )?account|my account|my profile|account|profile)"
        ),
        4,
    ),
    Rule(
        "account",
        "login_prompt",
        whole(
            rf"(?:log ?in|sign ?in|sign ?up|continue|register)(?: with| using| via)(?: (?:{SOCIAL}|google|apple|your \w+))?"
        ),
        5,
    ),
    Rule(
        "account",
        "login_prompt",
        whole(
            r"forgot (?:your )?(?:password|username)\??|(?:remember me|you are (?:now )?signed in as.*|not a member\?.*|already (?:a subscriber|a member|have an account|registered)\?.*|welcome back.*)"
        ),
        10,
    ),
    Rule(
        "account",
        "paywall",
        r"\b(?:subscribe|register|sign in|log in|become a member) (?:now )?(?:to|for) (?:continue reading|read (?:more|the full|this|the rest)|keep reading|unlock|unlimited|full access)\b",
        30,
        True,
        hint=(
            "continue reading",
            "read more",
            "read the",
            "read this",
            "keep reading",
            "unlock",
            "unlimited",
            "full access",
        ),
    ),
    Rule(
        "account",
        "paywall",
        r"\b(?:this (?:article|content|story) is (?:for|only available to|(?:only |exclusively )?available (?:to|for)|exclusive to|reserved for) (?:our )?(?:subscribers|members|premium)|you(?:'|’)ve (?:reached|used) (?:your|all)\b.{0,20}\b(?:free|limit|articles)|you(?:'|’)ve read \d+ of (?:your )?\d+ free (?:articles|stories)|you have \d+ free (?:articles|stories) (?:left|remaining))",
        30,
        True,
        hint=("subscribers", "members", "premium", "you've", "you’ve", "you have"),
    ),
    Rule(
        "account",
        "paywall",
        r"\b(?:(?:create|open|register for|sign up for) (?:a |an |your )?(?:free )?account|log ?in|sign ?in)\b.{0,40}?\b(?:to|and) (?:continue|keep|start) reading\b",
        30,
        True,
        hint=("continue reading", "keep reading", "start reading"),
    ),
)

LEGAL = (
    Rule(
        "legal",
        "copyright",
        r"\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)(?:,? (?:or |and )?(?:published|reproduced|broadcast|rewritten|redistributed|distributed|copied)){1,4}\b",
        30,
        True,
        hint=("may not be",),
    ),
    Rule(
        "legal",
        "copyright",
        r"\ball rights reserved[\s\p{P}]*$|^[\s\p{P}]*(?:copyright\s*)?(?:©|\(c\)|ⓒ|copyright\s+\d{4})",
        25,
        True,
        hint=("rights reserved", "©", "(c)", "ⓒ", "copyright"),
    ),
    Rule(
        "legal",
        "consent_terms",
        r"\bby (?:signing up|subscribing|clicking|registering|submitting|entering|continuing|using this (?:site|website|service)|creating an account)\b.{0,80}\byou (?:agree|accept|consent|acknowledge)\b",
        45,
        True,
        hint=("agree", "accept", "consent", "acknowledge"),
    ),
    Rule(
        "legal",
        "consent_terms",
        r"\byou (?:agree|consent) to (?:our|the) (?:terms|privacy|use of cookies|cookie)",
        35,
        True,
        hint=("agree", "consent"),
    ),
    Rule(
        "legal",
        "cookie_notice",
        r"\b(?:this (?:web)?site|we|our (?:web)?site|this website) (?:uses?|places?|stores?) cookies\b|^[\s\p{P}]*(?:accept|allow|reject|decline) (?:all )?cookies\b|\bmanage (?:cookies|cookie settings|consent|preferences)\b|\bcookie (?:settings|preferences|consent)\b",
        40,
        True,
        hint=("cookie", "preferences", "consent"),
    ),
    Rule(
        "legal",
        "policy_link",
        whole(
            r"(?:(?:privacy(?: policy| notice| statement| settings| centre| center)?|terms(?: of (?:use|service|sale))?|terms (?:and|&) conditions|cookie(?:s)?(?: policy| notice)?|disclaimer|imprint|accessibility(?: statement)?|sitemap|site map|legal(?: notice)?|copyright|ad ?choices|do not sell my (?:personal )?info(?:rmation)?|your (?:privacy|california privacy) (?:rights|choices)|community (?:rules|guidelines|standards))(?:[\s|·•,/&-]+(?:and\s+)?)?){1,8}"
        ),
        24,
    ),
    Rule(
        "legal",
        "policy_link",
        r"\b(?:read|see|view|review|visit) our (?:privacy|cookie|terms)|\bcommunity (?:rules|guidelines|standards) apply\b",
        30,
        True,
        hint=(" our ", "community"),
    ),
    Rule(
        "legal",
        "data_notice",
        r"\b(?:quotes|market data|data)(?: (?:is|are))? delayed (?:by )?(?:at least |a minimum of |up to )?\d+ minutes?\b",
        30,
        hint=("delayed",),
    ),
    Rule("legal", "data_notice", starts(r"market data (?:provided|powered) by\b"), 30),
    Rule(
        "legal",
        "policy_link",
        whole(
            r"our (?:standards|principles|editorial (?:standards|guidelines|policy))\s*:?(?:\s*(?-i:\p{Lu})[\w\s]{0,40}(?:principles|standards|guidelines|policy))?"
        ),
        14,
    ),
    Rule(
        "legal",
        "disclaimer",
        r"\bopinions expressed (?:by|in|here)\b.{0,60}\b(?:are (?:their|his|her|the author'?s?|those of)|do not (?:necessarily )?reflect)|\bthe views expressed\b.{0,60}\bdo not (?:necessarily )?reflect\b",
        40,
        hint=("expressed",),
    ),
    Rule(
        "legal",
        "disclaimer",
        r"\b(?:views|opinions)\b.{0,100}\b(?:do|does) not necessarily (?:reflect|represent)\b|\b(?:views|opinions) expressed\b.{0,80}\bare (?:those|the opinions|solely those|the views) of\b|\bdoes not necessarily reflect the (?:views?|opinions?|position)\b|\bdo(?:es)? not (?:necessarily )?(?:imply|constitute) (?:an? |any )?endorsement\b",
        60,
        hint=("necessarily", "expressed", "endorsement"),
    ),
    Rule(
        "legal",
        "policy_link",
        r"\bread our editorial (?:standards|guidelines|polic(?:y|ies))\b",
        30,
        hint=("editorial",),
    ),
)

BYLINE = (
    Rule(
        "byline",
        "byline",
        whole(r"by|author|authors|written by|posted by|comment\s*\(required\)"),
        3,
    ),
    Rule(
        "byline",
        "author_bio",
        starts(
            r"(?:i(?:'|’)?m|i am) an? (?:[\w-]+,?\s+){0,4}(?:writer|journalist|reporter|editor|blogger|columnist)\b"
        ),
        45,
    ),
    Rule(
        "byline",
        "byline",
        starts(rf"by\s+{NAMES}(?:\s*$|\s*(?:,|\||/|•|·|–|—|-|and\b|&|\bfor\b|\bin\b))"),
        14,
    ),
    Rule(
        "byline",
        "byline",
        whole(
            rf"(?:by|written by|words by|author)\s*:?\s*{NAME}(?:\s+{NAME}){{0,3}}|by\s+\w+ staff"
        ),
        6,
    ),
    Rule("byline", "byline", whole(rf"{NAMES}\s*[,|•·]?\s*@\w+(?:\s*[,|•·]?\s*@\w+)?"), 8),
    Rule(
        "byline",
        "reported_from",
        starts(
            rf"{NAME}(?:\s+{NAME}){{0,3}}(?:\s+and\s+{NAMES})?\s+(?:(?:reported|wrote|contributed(?: reporting)?) (?:from|in) {NAME}[\p{{L}}\s,.'’-]*$|contributed(?: reporting)? to this (?:story|report|article))"
        ),
        16,
    ),
    Rule(
        "byline",
        "reporting_credit",
        starts(
            r"(?:associated press |ap |staff )?(?:writers?|reporters?|correspondents?)\b.{0,80}\bcontributed(?: reporting)? to this (?:report|story|article)"
        ),
        40,
    ),
    Rule(
        "byline",
        "reporting_credit",
        starts(
            r"(?:\(|\[)?(?:reporting|additional reporting|writing|editing|compiled|reported) by\s+(?-i:\p{Lu})"
        ),
        60,
    ),
    Rule(
        "byline",
        "reporting_credit",
        whole(
            rf"(?:produced|edited|edited and produced|designed|graphics|illustrations?) by\s+{NAMES}(?:\s*(?:,|and|&)\s*{NAMES})*"
        ),
        12,
    ),
    Rule(
        "byline",
        "author_bio",
        starts(
            rf"{NAMES}\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,5}}(?:reporter|writer|journalist|editor|correspondent|columnist|contributor|freelancer|blogger|author|intern|producer)\b"
        ),
        45,
    ),
    Rule(
        "byline",
        "author_bio",
        starts(
            rf"{NAMES}\s+(?:writes (?:news|about|for|on|regularly)|covers\b|has (?:been )?(?:written|writing|reported|covered) (?:for|about|on)\b)"
        ),
        45,
    ),
    Rule(
        "byline",
        "author_bio",
        starts(
            r"(?:staff )?(?:reporter|writer|journalist|correspondent|editor)s?\s+(?:focused on|covering|who covers|based in|for)\b"
        ),
        20,
        True,
    ),
    Rule(
        "byline",
        "author_link",
        whole(
            r"about the authors?|(?:view|see|read) (?:all|more) (?:posts|articles|stories) (?:by|from)\b.*|more (?:articles |stories )?(?:by|from) this (?:author|writer)|follow the author(?: of this article)?|author profile"
        ),
        10,
    ),
    Rule(
        "byline",
        "reporting_credit",
        r"\bcontributed (?:(?:additional )?reporting(?: to this (?:report|story|article))?|to this (?:report|story|article))[\s\p{P}]*$|^[\s\p{P}]*information for this (?:article|story|report) was contributed by\b",
        40,
        hint=("contributed",),
    ),
    Rule(
        "byline",
        "reuse_notice",
        starts(
            r"(?:this|the) (?:article|story|piece|post|report|column|interview|essay|op-ed)\b.{0,80}?\b(?:(?:originally|first) (?:published|appeared|ran|posted)|(?:published|produced|reported|written) in (?:partnership|collaboration|association) with|is (?:a|part of a) collaboration (?:with|between)|also (?:featured|appeared|appears|published) (?:in|on) (?-i:\p{Lu})\w*|(?:reprinted|republished|reproduced|syndicated) (?:by|with|from|here)|appears here)\b"
        ),
        60,
    ),
    Rule(
        "byline",
        "credits",
        starts(
            r"(?:acknowledge?ments|author contributions|funding|conflicts? of interest|competing interests)\s*:"
        ),
        80,
    ),
    Rule(
        "byline",
        "byline",
        starts(
            rf"posted (?:by\s+(?:{NAMES}|[\w.]+)\s+on\s+(?:\d|(?:{MONTH})\b|(?:{WEEKDAY})\b)|on\s+(?:[^;]{{1,40}}\s)?by\s+(?:{NAMES}|[\w.]+)\s*$)"
        ),
        12,
    ),
    Rule(
        "byline",
        "reuse_notice",
        whole(r"originally (?:published|posted|appeared) (?:on|at|by|in) [^,;]{1,60}"),
        10,
    ),
    Rule(
        "byline",
        "contact",
        starts(
            r"(?:corresponding authors?|media contacts?|press contacts?|media (?:inquiries|enquiries)|press (?:inquiries|enquiries)|patient and caregiver inquiries)\s*:"
        ),
        40,
    ),
)

#: Picture agencies and wires whose name closes a photo credit ("Jane Roe/AP");
#: the short ones in capitals only, so "(ePA)" or "pa" in a sentence is no agency.
AGENCY = (
    r"(?:(?-i:AP|AFP|EPA|UPI|TNS|PA)(?:[ -]\w+)?|getty(?: images)?|reuters|bloomberg|"
    r"shutterstock|alamy|istock(?:photo)?|nurphoto|sopa images|sipa usa|anadolu agency|"
    r"xinhua|wireimage|corbis|zuma(?: press)?|associated press)"
)
#: A photo credit closing a line: "... on Tuesday. (AP Photo/Jane Roe)",
#: "... in 2017. Photo: Jane Roe/Getty Images", "... in Atlanta. Jane Roe/Getty Images".
CREDIT_AT_END = (
    r"(?:(?:photo(?:graph)?s?|image|picture|illustration)\s*(?:by\s|:|©)\s*[^.!?()\n]{2,90}\)?"
    rf"|\((?:[^()\n]{{0,80}}/)?\s*{AGENCY}[^()\n]{{0,40}}\)"
    rf"|/\s*{AGENCY}[^()\n.!?\w][^()\n.!?]{{0,30}}\)?|/\s*{AGENCY}\)?"
    rf"| via {AGENCY}\)?"
    r")\s*\Z"
)

CAPTION = (
    Rule(
        "caption",
        "image_credit",
        starts(
            r"(?:photo|image|picture|illustration|graphic|file photo|photograph|video|source|credit)s?(?: credit| courtesy| by| via)?\s*(?::|\||/|—|–)"
        ),
        25,
    ),
    Rule("caption", "caption_label", starts(r"file (?:photo|picture|image)\s*:"), 80),
    Rule(
        "caption",
        "image_credit",
        whole(r"(?:photos? |images? |video )?courtesy(?: of)?\s+(?-i:\p{Lu}).{0,40}"),
        8,
    ),
    Rule(
        "caption",
        "image_credit",
        r"\((?:[\w&.]+\s){0,3}?(?:photo|image|picture|photograph)s?\s*(?:/|:|by\b)|\b(?:photo|image|picture) (?:credit|courtesy)\b|\bcredits?\s*(?::|\.\.\.|…)|(?<=\p{Ll})(?-i:Credit)\s*(?::|\.\.\.|…)",
        80,
        hint=("photo", "image", "picture", "credit"),
    ),
    Rule(
        "caption",
        "image_credit",
        whole(r"(?<=[\[(])(?:image|photo|picture|pic|source|credit|via|img)\b[^\])]*[\])]"),
        20,
    ),
    Rule(
        "caption",
        "image_credit",
        r"(?:/|\||—|–|-|:)\s*(?:getty images|shutterstock|istock(?:photo)?|alamy|unsplash|ap|afp|reuters|epa|dpa)\s*\)?\s*$",
        25,
        hint=(
            "getty",
            "shutterstock",
            "istock",
            "alamy",
            "unsplash",
            "ap",
            "afp",
            "reuters",
            "epa",
            "dpa",
        ),
    ),
    Rule(
        "caption",
        "caption_label",
        starts(r"(?:above|below|top|left|right|pictured|inset|main image|header image)\s*:"),
        45,
    ),
    Rule(
        "caption",
        "image_credit",
        whole(
            r"(?:getty images|shutterstock|istock(?:photo)?|alamy|unsplash|pixabay|pexels|imgur|giphy|flickr|wiki(?:media|pedia)? commons|(?:youtube|twitter|facebook|instagram|video|tv) (?:screenshot|screen ?grab|still)|screenshot|screen ?grab)"
            r"(?:\s*(?:/|via|,|\|)\s*[\w .&'’-]{1,30})?"
        ),
        6,
    ),
    Rule(
        "caption",
        "gallery",
        whole(
            r"\(?click (?:on )?(?:the|this|each|any) (?:map|image|photo|picture|graphic|chart|thumbnail)s? (?:to (?:see |view )?(?:enlarge|a larger|larger|full)|for (?:a )?(?:larger|bigger|full)).{0,40}"
        ),
        16,
    ),
    Rule(
        "caption",
        "gallery",
        whole(
            r"caption|show caption|hide caption|toggle caption|enlarge this image|image \d+ of \d*\s*/?\s*\d*|\d+\s*(?:/|of)\s*\d+|back to gallery|view (?:the )?gallery|(?:open|view) (?:image|photo)s?|expand|fullscreen|zoom"
        ),
        6,
    ),
)

TIMESTAMP = (
    Rule(
        "timestamp",
        "relative_time",
        whole(
            r"(?:updated |posted |published )?(?:an?|\d+)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)\s+ago"
        ),
        6,
    ),
    Rule(
        "timestamp",
        "read_time",
        r"\b\d+\s*(?:min(?:ute)?s?|m)\.?(?:\s*\d+\s*sec(?:ond)?s?)?\s*(?:read|reading)\b|\bread(?:ing)? time\s*:?\s*\d+",
        8,
        True,
        hint=("read",),
    ),
    Rule(
        "timestamp", "date_stamp", whole(rf"(?:(?:{STAMP_VERB})(?: on| at)?\s*:?\s*)?{STAMP}"), 16
    ),
    Rule(
        "timestamp",
        "date_stamp",
        starts(rf"(?:{STAMP_VERB})(?: on| at)?\s*:?\s*{STAMP}(?:[|·•/-].{{0,80}})?$"),
        20,
        True,
    ),
    Rule("timestamp", "date_stamp", starts(rf"{STAMP}\s*(?:by\s+{NAMES}|\|.*)$"), 16),
)

BREADCRUMB_PART = r"[\p{L}\d&'’.-]++(?: [\p{L}\d&'’.-]++){0,3}"

#: Marks of tracking, advertising and template code, which no article shows...
_TAG_CODE = (
    r"googletag\.|datalayer(?:\.push|\s*=)|adsbygoogle|fbq|gtag\(|_gaq|_paq\.push"
    r"|ga\(\s*['\"](?:create|send)|twttr\.|fb\.init|getelementsbytagname\(s\)"
    r"|\{%|%\}|\{\{\s*[\w.]+\s*\}\}"
)
#: ...and of code in general, which a programming article may show.
_ANY_CODE = (
    rf"{_TAG_CODE}|function(?:\s+[\w$]+)?\(|\)\s*=>|\.push\(|document\.[a-z]"
    r"|window\.[a-z_]|/\*|\*/|var\s+[\w$]+\s*=|\)\s*;"
)


NAVIGATION = (
    Rule(
        "navigation",
        "breadcrumb",
        whole(
            rf"home(?:\s*+[»›>/|]\s*+{BREADCRUMB_PART}){{1,7}}|{BREADCRUMB_PART}(?:\s*+[»›]\s*+{BREADCRUMB_PART}){{2,7}}"
        ),
        24,
    ),
    Rule(
        "navigation",
        "nav_link",
        whole(
            r"(?:give |send )?feedback|watch live|live|message|print(?: this)?(?: article| page)?|permalink|embed|link|copy|x|(?:hide|show|view|read) (?:the )?(?:full )?transcript|link copied|copied to clipboard|autoplay|replay|mute|unmute|full ?screen|exit full ?screen|(?:next|previous|prev) (?:slide|photo|image)|collapse|open in (?:a )?new (?:window|tab)|send to a friend|(?:entries|comments|posts) (?:feed|rss)|corrections (?:&|and) clarifications"
        ),
        5,
    ),
    Rule(
        "navigation", "related_links", starts(r"posted in\b.{0,60}(?:\||comments?|permalink)"), 20
    ),
    Rule(
        "navigation",
        "nav_link",
        whole(
            r"home(?: ?page)?|menu|main menu|search(?: form| in \w+| for)?|close|next|previous|prev|back|more|top|back to top|skip to (?:main )?content|skip navigation|sections|topics|tags|jump to|go to home page|site index|site map|loading|show more|load more|see more|view more|see all|view all|contact(?: us)?|about(?: us)?|careers|jobs|advertise(?: with us)?|help|faq|rss(?: feeds?)?|(?:\d+\s*)?(?:[/|·•-]\s*)?\d+"
        ),
        4,
    ),
    Rule(
        "navigation",
        "related_links",
        whole(
            r"related(?: articles| stories| posts| content| coverage| news| links| topics| videos)?|read (?:more|next|also)|more (?:stories|news|articles|videos|on this story|from [\w\s]{1,30})|most (?:popular|read|viewed|shared|commented|emailed)|trending(?: now| stories)?|popular(?: stories| posts)?|latest(?: news| stories| posts| videos)?|recommended(?: for you| stories)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|see also|also read|don'?t miss|editor'?s picks?|top stories|breaking news|what'?s (?:new|hot|trending)|more in .{1,30}|up next\s*:|in other news|around the web|what to read next|watch next|also on (?:[\w-]+\.(?:com|org|net|co\.uk)|(?-i:\p{Lu}\w*!|\p{Lu}{2,}\w*(?:\s\p{Lu}\w*)?|\p{Lu}\p{Ll}+\p{Lu}\w*))(?: you might like)?|also on [\w\s]{1,20} you might like"
        ),
        7,
    ),
    Rule(
        "navigation",
        "related_links",
        starts(
            r"(?:previous|next|prev) (?:post|article|story|page)\s*:?|(?:tags?|filed under|categories|topics|keywords|related topics)\s*[:|]|(?:read more|related|see also|also read|read also|more|up next)\s*:"
        ),
        40,
    ),
    Rule("navigation", "related_links", r"read more\s*[»›>]+\s*$", 40, hint=("read more",)),
    Rule(
        "navigation",
        "related_links",
        starts(
            r"see also\s+(?-i:\p{Lu})|(?:popular|featured|related|recommended) videos?\b|more stories (?:on|from|in)\b"
        ),
        60,
    ),
    Rule(
        "navigation",
        "page_tool",
        whole(
            r"printer[- ]friendly(?: version| page| format)?|print(?:er)? friendly|order (?:a )?reprints?|report an? (?:error|typo|correction|problem)|(?:get|download) (?:the|our) (?:\w+ )?app|audio version|listen to (?:this|the) (?:article|story)|story highlights|(?:text|font) size\b.*"
        ),
        8,
    ),
    Rule(
        "navigation",
        "page_tool",
        starts(
            r"(?:these|this) (?:are|is) (?:an )?external links? (?:and|that|which) will open in a new (?:window|tab)"
        ),
        16,
    ),
    Rule(
        "navigation",
        "comments",
        starts(
            r"save my name, e-?mail,? and website in this browser|notify me of (?:new |follow-up )?(?:posts|comments|replies)\b|you must be (?:logged|signed) in to (?:post|leave|write) a comment|comments (?:are|have been) closed\b|this entry was posted in\b|want to respond\?|submit a letter to the editor\b"
        ),
        30,
    ),
    Rule(
        "navigation",
        "comments",
        whole(
            r"be the first to (?:comment|review|reply|respond)(?: on (?:this|the) (?:story|article|post|product))?(?: below)?"
        ),
        12,
    ),
    Rule(
        "navigation",
        "comments",
        whole(
            r"comments?|\d+\s*comments?|view comments|show comments|leave a (?:comment|reply)|post a comment|add a comment|join the (?:conversation|discussion)|reply|(?:\d+\s*)?repl(?:y|ies)|comments? \(\d+\)"
        ),
        5,
    ),
    Rule(
        "navigation",
        "call_to_action",
        r"\bclick here\b|\bby clicking here\b|\btap here\b",
        15,
        hint=("click here", "tap here"),
    ),
    Rule(
        "account",
        "paywall",
        starts(r"unlock (?:unlimited|full|all|digital|premium) (?:access|articles|stories)\b"),
        20,
    ),
    Rule(
        "advertising",
        "adblock_notice",
        r"\b(?:turn off|disable|pause|whitelist|switch off) your ad[- ]?blocker\b|\b(?:we noticed|it (?:looks|seems) like|looks like|we see) (?:that )?you(?:'|’)re using an? ad[- ]?blocker\b|\busing an? ad[- ]?blocker\b.{0,40}\b(?:support|whitelist|disable)",
        30,
        hint=("blocker",),
    ),
    Rule(
        "navigation",
        "player_notice",
        r"\bmedia playback is (?:unsupported|not supported)\b|\byour browser does not support\b|\bplease enable javascript\b|\bjavascript is (?:disabled|required)\b",
        25,
        hint=("playback", "browser", "javascript"),
    ),
    Rule(
        "widget",
        "script",
        rf"(?:{_TAG_CODE}).*?(?:{_ANY_CODE})|(?:{_ANY_CODE}).*?(?:{_TAG_CODE})",
        150,
        hint=(
            "googletag.",
            "datalayer",
            "adsbygoogle",
            "fbq",
            "gtag(",
            "_gaq",
            "_paq.push",
            "ga(",
            "twttr.",
            "fb.init",
            "getelementsbytagname(s)",
            "{%",
            "%}",
            "{{",
        ),
    ),
    Rule(
        "widget",
        "app_prompt",
        starts(
            r"(?:download|get) (?:the|our) [\w\s&'’.-]{1,30} app\b|(?:get|turn on|enable|allow) (?:push |breaking news )?(?:notifications|alerts)[\s\p{P}]*$"
        ),
        14,
    ),
    Rule(
        "widget",
        "location_prompt",
        starts(
            r"(?:set|enter|change|update|choose|select) (?:your|a) (?:location|(?:zip|postal)(?: or postal)? code|zip|city)[\s\p{P}]*$|enter your (?:zip|postal)(?: or postal)? code to (?:find|see|get|view) [^,;]{1,60}$|set your location to (?:see|get|find|view)\b"
        ),
        20,
    ),
    Rule(
        "navigation",
        "continue_link",
        whole(
            r"(?:take our poll\s*[-–—:|]\s*)?(?:continue reading(?: the main story| below)?|(?:story|article) continues(?: (?:below|after)(?: (?:this |the )?(?:ad|advertisement))?)?)"
        ),
        10,
    ),
    Rule(
        "widget",
        "player_notice",
        whole(
            r"\(?warning:\s*(?:this (?:video|footage|content|clip|story) )?(?:may be|is|contains) (?:disturbing|graphic)[^.!?]{0,40}[.!]?\)?"
            r"|(?:this|the following) (?:video|footage|clip) (?:contains|may contain|includes) (?:graphic|disturbing)[^.!?]{0,40}[.!]?(?:\s*viewer discretion is (?:advised|recommended)[.!]?)?"
            r"|viewer discretion is (?:advised|recommended)[.!]?"
            r"|(?:due to restrictions,?\s*)?this video (?:cannot|can't|can not|could not) be (?:viewed|played|displayed)[^.!?]{0,40}[.!]?"
            r"|this video is (?:not available|unavailable|no longer available)[^.!?]{0,30}[.!]?"
        ),
        14,
    ),
    # A video player's text run into one line ("JUST WATCHED …", "CLOSE" and the clip's caption).
    Rule("widget", "player_notice", starts(r"(?-i:JUST WATCHED)\b"), 80),
    Rule("widget", "player_notice", starts(r"(?-i:CLOSE) (?-i:\p{Lu}\p{Ll})"), 80),
    Rule(
        "widget",
        "embed_prompt",
        whole(
            r"(?:watch|see|view|listen to|check out) (?:the |this |his |her |their |a |an |all )?(?:full |entire |whole |complete )?(?:video|clip|interview|press conference|speech|segment|footage|exchange|remarks|moment|notes|broadcast|report)\b[^.!?]{0,60}\b(?:below|above)\s*[:.!]?"
        ),
        16,
    ),
    Rule(
        "widget",
        "poll_prompt",
        whole(r"(?:take|vote in) our poll\b.{0,40}"),
        12,
    ),
    Rule(
        "navigation",
        "related_links",
        # A teaser headline after the label, not a sentence (no full stop anywhere).
        r"^[\s\p{P}\p{S}]*(?:trending(?: now| stories)?|full coverage)\s*:\s*[^.]{1,120}$",
        15,
    ),
)

ADVERTISING = (
    Rule(
        "advertising",
        "ad_label",
        whole(
            r"advertisement|advertising|advert|ads?|sponsored(?: content| links| stories| posts?| by .{1,30})?|promoted(?: content| stories| links)?|paid (?:content|post|partnership)|partner content|ad choices|adchoices|ad networks|scroll to continue(?: with content)?|skip ad|supported by"
        ),
        6,
    ),
    Rule("advertising", "ad_label", starts(r"sponsored\s*:"), 15),
    Rule(
        "advertising",
        "ad_label",
        r"[\[(](?:sponsored|advertisement)[\])]\s*$",
        15,
        hint=("sponsored", "advertisement"),
    ),
    Rule(
        "advertising",
        "affiliate_notice",
        r"\b(?:may|might|will|could) (?:earn|receive|get) (?:a |an )?(?:small )?(?:share of sales|(?:affiliate )?commission)\b|\baffiliate links?\b",
        45,
        hint=("commission", "affiliate", "share of sales"),
    ),
    Rule(
        "advertising",
        "sponsored_notice",
        r"\bthis (?:post|article|content|story) (?:is|was|contains) (?:sponsored|paid|produced in partnership)\b",
        30,
        hint=("sponsored", "paid", "partnership"),
    ),
)

RULES = (
    SHARE + NEWSLETTER + ACCOUNT + LEGAL + BYLINE + CAPTION + TIMESTAMP + NAVIGATION + ADVERTISING
)
