"""The one stylesheet of every HTML page the tool writes (the summary view and the
eval report): inline, no web fonts or other network use, phone-width and print rules.

:data:`BASE_CSS` is shared; :data:`SUMMARY_CSS` adds the summary view's parts."""

from __future__ import annotations

BASE_CSS = """
:root{--ink:#1c1d1f;--muted:#5f6368;--line:#dadce0;--soft:#f4f5f7;--accent:#1f5fae;
--left:#2458a6;--center:#6b5aa8;--right:#b0322e;--warn:#8a5300;--warn-bg:#fff4e0;
--off:#7a4b00;--off-bg:#fbf3e4;--mark:#fbf0c4;--mark-hi:#ffc94d}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",sans-serif;
color:var(--ink);background:#fff;margin:0 auto;max-width:60rem;padding:1.2rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.25;margin:.2rem 0 .3rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
a{color:var(--accent)}
code{background:var(--soft);padding:0 .25em;border-radius:3px;font-size:.9em}
.muted,small{color:var(--muted)}
table{border-collapse:collapse;margin:.6rem 0;font-size:.95rem;width:100%}
th,td{border:1px solid var(--line);padding:.35rem .55rem;vertical-align:top;text-align:left}
thead th{background:var(--soft);font-weight:600}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
@media (max-width:40rem){body{font-size:15px;padding:.8rem .7rem 2rem}
h1{font-size:1.4rem}}
@media print{body{max-width:none;padding:0;font-size:11pt}a{color:inherit;text-decoration:none}
h2{break-after:avoid}nav{display:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

SUMMARY_CSS = """
nav.toc{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.9rem;margin:.4rem 0 1rem}
.meta{color:var(--muted);margin:0 0 1rem}
.lead{font-size:1.08rem;line-height:1.6;background:var(--soft);border-left:4px solid var(--accent);
padding:.1rem 1rem;margin:0 0 1rem;border-radius:0 6px 6px 0}.lead p{margin:.6rem 0}
ul.sources{list-style:none;padding:0;margin:0;display:grid;gap:.5rem;
grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
ul.sources li{border:1px solid var(--line);border-radius:6px;padding:.45rem .65rem}
ul.sources li.off{background:var(--off-bg);border-style:dashed}
.src-name{font-weight:600}
.src-title{display:block;font-size:.88rem;color:var(--muted);line-height:1.35}
.slant{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;
letter-spacing:.03em;padding:0 .4em;border-radius:3px;color:#fff;background:var(--muted);
vertical-align:.1em;margin-left:.3em;white-space:nowrap}
.slant-left,.slant-lean-left{background:var(--left)}.slant-center{background:var(--center)}
.slant-right,.slant-lean-right{background:var(--right)}
.badge-off{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;
padding:0 .4em;border-radius:3px;color:var(--off);border:1px solid var(--off);margin-left:.3em}
.dispute{margin:0 0 1.4rem}
.dispute table td.who{font-weight:600;width:22%}.dispute table td.by{width:24%;font-size:.9rem}
.speaker{border-top:1px solid var(--line);padding-top:.3rem}h2+.speaker{border-top:0}
.speaker h3{margin-bottom:0}.speaker .role{color:var(--muted);font-size:.9rem;margin:0 0 .3rem}
ol.claims{margin:.3rem 0 .6rem;padding-left:1.3rem}
ol.claims li{margin:.35rem 0;scroll-margin-top:1rem}
ol.claims li:target{background:var(--mark);outline:3px solid var(--mark)}
.by{font-size:.88rem;color:var(--muted)}
.by a{white-space:nowrap}
blockquote{margin:.3rem 0;padding:.1rem .8rem;border-left:3px solid var(--line);color:#333}
.cid{font-size:.78rem;color:var(--muted);text-decoration:none}
.off-event{background:var(--off-bg);border:1px dashed var(--off);border-radius:6px;
padding:.6rem .9rem;margin:.5rem 0}
.notice{background:var(--warn-bg);border-left:4px solid var(--warn);padding:.5rem .9rem;
margin:.5rem 0;border-radius:0 6px 6px 0}
.notice ul{margin:.2rem 0;padding-left:1.2rem}
article.doc{border:1px solid var(--line);border-radius:6px;margin:1rem 0;padding:.7rem 1rem}
article.doc.off{background:var(--off-bg)}
article.doc header{border-bottom:1px solid var(--line);margin-bottom:.6rem;padding-bottom:.4rem}
article.doc header .title{display:block;font-weight:600;margin-top:.15rem}
.doc-text{white-space:pre-line;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;
font-size:1rem;line-height:1.6}
mark{background:var(--mark);color:inherit;border-radius:2px;scroll-margin-top:35vh}
mark:target{background:var(--mark-hi);outline:2px solid var(--warn)}
mark mark{background:var(--mark-hi)}
.also{font-size:.9rem}
footer{margin-top:2rem;font-size:.85rem;color:var(--muted)}
@media (max-width:40rem){
.dispute table,.dispute thead,.dispute tbody,.dispute tr,.dispute td{display:block;width:auto}
.dispute thead{display:none}.dispute tr{border:1px solid var(--line);border-radius:6px;
margin:.5rem 0;padding:.2rem 0}.dispute td{border:0;padding:.2rem .6rem}
.dispute table td.who,.dispute table td.by{width:auto}
ol.claims{padding-left:1.1rem}.lead{font-size:1.02rem}}
@media print{nav.toc{display:none}.lead{border:0;padding:0;background:none}
article.doc{break-inside:auto;border:0;padding:0;border-top:1px solid #999;border-radius:0}
section.articles{break-before:page}.speaker,.dispute tr,.off-event{break-inside:avoid}}
"""
