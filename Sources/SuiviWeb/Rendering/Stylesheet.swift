import ClauseDiff

/// The interface's stylesheet (served at `/style.css`): the diff renderer's rules plus the pages' own.
/// Colours keep at least a 4.5:1 contrast with their background.
enum Stylesheet {
    static let css = HTMLDiffRenderer.stylesheet + """

    body{max-width:80rem}
    a{color:#0b4f8a}a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #b35900;outline-offset:2px}
    .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem;z-index:9}
    header.site{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;border-bottom:2px solid #1a1a1a;padding-bottom:.6rem;font-family:system-ui,sans-serif}
    header.site .brand{font-weight:700;margin:0}header.site .brand span{font-weight:400;color:#444}
    header.site nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
    .account{font-size:.9rem}.account p,.account form{display:inline;margin:0 .4rem 0 0}
    button{font:inherit;font-family:system-ui,sans-serif;background:#0b4f8a;color:#fff;border:0;border-radius:4px;padding:.35rem .9rem;cursor:pointer}
    .account button{background:#444}
    input,select,textarea{font:inherit;border:1px solid #555;border-radius:3px;padding:.25rem .4rem;max-width:100%}
    textarea{width:100%;box-sizing:border-box}
    label{font-family:system-ui,sans-serif;font-size:.95rem}
    .stack p label{display:block;margin-bottom:.2rem}.stack.narrow{max-width:26rem}.stack.narrow input{width:100%;box-sizing:border-box}
    fieldset{border:1px solid #999;border-radius:4px}fieldset p{margin:.2rem 0}.stack fieldset p label,fieldset p label{display:inline}
    .notice{background:#e5f3e8;border-left:4px solid #1d6b33;padding:.5rem .8rem;font-family:system-ui,sans-serif}
    .error{background:#fdecea;border-left:4px solid #a11;padding:.5rem .8rem;font-family:system-ui,sans-serif}
    .warning{background:#fff6d6;border-left:4px solid #8a6100;padding:.5rem .8rem;font-family:system-ui,sans-serif;font-size:.9rem}
    .late{color:#a11}.muted,.help{color:#4a4a4a;font-size:.9rem}
    .with-toc{display:grid;grid-template-columns:16rem 1fr;gap:2rem}
    .toc{font-family:system-ui,sans-serif;font-size:.85rem;position:sticky;top:0;max-height:100vh;overflow:auto}
    .toc ol{list-style:none;padding:0}.toc li{margin:.2rem 0}.toc .toc-2{padding-left:1rem}
    .clause{margin:.3rem 0 .3rem 0}.clause .clause{margin-left:1.2rem}
    .clause h3{font-size:1.05rem;margin:1.4rem 0 .2rem;font-family:system-ui,sans-serif}
    .clause-tools{font-family:system-ui,sans-serif;font-size:.75rem;color:#4a4a4a;margin:.1rem 0}
    .anchor{color:#4a4a4a;text-decoration:none}.anchor:hover{text-decoration:underline}
    .note-editoriale{font-style:italic;color:#5a4500;background:#fff6d6}
    .version-line{font-family:system-ui,sans-serif;color:#333}
    .facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-family:system-ui,sans-serif}.facts dt{font-weight:700}.facts dd{margin:0}
    .clause-row{display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,2fr);gap:1.2rem;border-top:1px solid #ccc;padding-top:.4rem}
    .comments{font-family:system-ui,sans-serif;font-size:.9rem;background:#f4f6f8;border-radius:4px;padding:.4rem .7rem}
    .comment{border-bottom:1px solid #ccd;padding:.3rem 0}.comment .meta{color:#333;margin:.1rem 0;font-size:.85rem}
    .comment .reply{margin-left:1rem;border-left:3px solid #99a;padding-left:.6rem}
    .comment.resolved{opacity:.85}.tag{background:#e6e6ee;border-radius:3px;padding:0 .3rem}
    .actions{display:flex;flex-wrap:wrap;gap:1rem}.action{border:1px solid #bbb;border-radius:4px;padding:.4rem .8rem;min-width:18rem}
    .action h3{margin:.2rem 0;font-size:1rem;font-family:system-ui,sans-serif}
    tr.mine{background:#eef5fb}
    .comment-form summary{cursor:pointer;color:#0b4f8a;font-size:.85rem}.comments .muted{margin:.2rem 0}
    .quote{border-left:3px solid #bbb;padding-left:.8rem}
    footer{margin-top:3rem;border-top:1px solid #ccc;font-size:.85rem;color:#4a4a4a;font-family:system-ui,sans-serif}
    @media (max-width:50rem){.with-toc,.clause-row{grid-template-columns:1fr}.toc{position:static;max-height:none}}
    """
}
