"""Content the browser checks need beyond the demo: a post with every element
the editor (and the sanitiser) allows, to see how each one renders."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import make_post
from tests.images import png

RICH_BODY = """
<p>Everything the editor can write, in one post: <strong>bold</strong>,
<em>italic</em>, <a href="https://example.org/">a link</a>,
<abbr title="Mindfulness-based stress reduction">MBSR</abbr>, <q>a short
quotation</q>, <mark>a highlight</mark>, CO<sub>2</sub>, x<sup>2</sup>,
<code>code</code>, <small>small print</small>, <s>struck</s> and <u>underlined</u>.</p>
<h2>What the studies measured</h2>
<figure class="table"><table><caption>Three trials, side by side</caption>
<thead><tr><th scope="col">Trial</th><th scope="col">Participants</th>
<th scope="col">Weeks</th><th scope="col">Outcome measure</th>
<th scope="col">Follow-up</th><th scope="col">Effect on perceived stress</th>
</tr></thead>
<tbody><tr><td>Edinburgh</td><td>120</td><td>8</td><td>Perceived Stress Scale</td>
<td>six months</td><td>moderate reduction, sustained at follow-up</td></tr>
<tr><td>Glasgow</td><td>64</td><td>6</td><td>Maslach Burnout Inventory</td>
<td>three months</td><td>small reduction, not sustained</td></tr></tbody></table>
</figure>
<h3>A closer look at the numbers</h3>
<figure class="image"><img src="{image}" alt="A calm sea under a pale sky"
width="800" height="500"><figcaption>Drawn for this test.</figcaption></figure>
<h2>Practice</h2>
<ol start="3"><li>Third step first.</li><li>Then the fourth.</li></ol>
<ul><li>One</li><li>Two</li></ul>
<dl><dt>Breathing space</dt><dd>A three-step practice.</dd></dl>
<blockquote cite="https://example.org/source"><p>A quotation, with its source.</p>
</blockquote>
<pre><code>{unbroken}</code></pre>
<hr>
<p>An address with no spaces: https://example.org/{unbroken}</p>
"""


def add_rich_post():
    """A published post using every element the sanitiser allows."""
    image = default_storage.save(
        "uploads/calm-sea.png", ContentFile(png(size=(800, 500)))
    )
    return make_post(
        title="Everything the editor can write",
        slug="everything-the-editor-can-write",
        body=RICH_BODY.replace("{image}", default_storage.url(image)).replace(
            "{unbroken}",
            "breathe-in-breathe-out-" * 8,  # wider than a phone
        ),
        tags=["mindfulness"],
    )
