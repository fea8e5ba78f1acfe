import ClauseDiff

/// The interface's stylesheet (served at `/style.css`): the diff renderer's rules plus the pages' own.
///
/// The look follows the patterns of the French state's design system (Système de design de l'État): a header with
/// the « République française » block, the ministry and the service's name; sober sans-serif typography; square
/// blue buttons; grey inputs underlined; alerts with a coloured left edge; a visible focus ring. Only the patterns
/// are reused, in this project's own rules: none of the system's assets (its Marianne font, logo or icons), whose
/// licence restricts their use to the State's own sites. Colours keep at least a 4.5:1 contrast with their
/// background, and no information is carried by colour alone (inserted text is underlined, deleted text struck).
enum Stylesheet {
    static let css = HTMLDiffRenderer.stylesheet + """

    :root{--bleu:#000091;--bleu-survol:#1212ff;--rouge:#c9191e;--texte:#161616;--texte-doux:#3a3a3a;--fond-gris:#f6f6f6;--bord:#929292}
    html{-webkit-text-size-adjust:100%}
    body{max-width:80rem;color:var(--texte);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;margin:0 auto;padding:0 1rem}
    main{overflow-wrap:anywhere;padding-bottom:1rem}
    h1{font-size:2rem;line-height:1.25;margin:1.5rem 0 1rem}h2{font-family:inherit}
    .document,.document p{font-family:Georgia,'Times New Roman',serif}
    .document h2,.document h3,.document p.clause-tools{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
    a{color:var(--bleu);text-underline-offset:.15em}a:hover{color:var(--bleu-survol)}
    a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus,[tabindex]:focus{outline:2px solid #0a76f6;outline-offset:2px}
    .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem;z-index:9}
    header.site{border-bottom:1px solid #ddd;box-shadow:0 2px 4px rgba(0,0,18,.08);margin:0 -1rem;padding:0 1rem}
    .header-body{display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:center;justify-content:space-between;padding:1rem 0}
    .brand{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
    .bloc-marque{margin:0;font-weight:700;text-transform:uppercase;font-size:1.05rem;line-height:1.1;letter-spacing:-.01em}
    .bloc-marque::before{content:"";display:block;width:2.6rem;height:.35rem;margin-bottom:.4rem;background:linear-gradient(90deg,var(--bleu) 0 33%,#fff 33% 67%,var(--rouge) 67%);box-shadow:0 0 0 1px #ddd}
    .service-title{margin:0;font-weight:700;font-size:1.25rem}.service-title a{color:var(--texte);text-decoration:none}
    .service-tagline{margin:0;color:var(--texte-doux);font-size:.9rem}
    header.site nav{border-top:1px solid #ddd}
    header.site nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:0 1.5rem;margin:0;padding:.2rem 0}
    header.site nav a{display:inline-block;padding:.6rem 0;color:var(--texte);text-decoration:none;font-size:.95rem}
    header.site nav a:hover{color:var(--bleu);text-decoration:underline}
    .account{font-size:.9rem}.account p,.account form{display:inline;margin:0 .5rem 0 0}
    button,.button{font:inherit;font-weight:500;background:var(--bleu);color:#fff;border:0;border-radius:0;padding:.5rem 1rem;min-height:2.5rem;cursor:pointer;text-decoration:none;display:inline-block;line-height:1.5}
    button:hover,.button:hover{background:var(--bleu-survol);color:#fff}
    .button.secondary,.account button{background:#fff;color:var(--bleu);box-shadow:inset 0 0 0 1px var(--bleu)}
    .button.secondary:hover,.account button:hover{background:#f5f5fe;color:var(--bleu)}
    input,select,textarea{font:inherit;color:var(--texte);background:#eee;border:0;border-radius:.25rem .25rem 0 0;box-shadow:inset 0 -2px 0 0 var(--texte-doux);padding:.5rem .75rem;max-width:100%}
    input[type=radio],input[type=checkbox]{box-shadow:none;width:1.1rem;height:1.1rem;vertical-align:middle;accent-color:var(--bleu)}
    textarea{width:100%;box-sizing:border-box}
    label{font-size:.95rem}
    .stack p label{display:block;margin-bottom:.3rem}.stack.narrow{max-width:26rem}.stack.narrow input{width:100%;box-sizing:border-box}
    fieldset{border:0;padding:0;margin:1rem 0}legend{font-weight:700;margin-bottom:.4rem}fieldset p{margin:.3rem 0}.stack fieldset p label,fieldset p label{display:inline}
    .notice,.error,.warning,.bandeau-vigueur,.annonce{padding:.75rem 1rem .75rem 1.25rem;border:1px solid;border-left-width:.4rem;margin:1rem 0}
    .notice{background:#dffee6;border-color:#18753c}
    .error{background:#ffe9e9;border-color:var(--rouge)}
    .warning{background:#fff4e6;border-color:#b34000}
    .bandeau-vigueur{background:#fff4e6;border-color:#b34000;font-weight:700}.bandeau-vigueur p{margin:.2rem 0}
    .annonce{background:#e8edff;border-color:var(--bleu)}.annonce p{margin:.2rem 0}
    .late{color:var(--rouge)}.muted,.help{color:var(--texte-doux);font-size:.9rem}
    .with-toc{display:grid;grid-template-columns:16rem minmax(0,1fr);gap:2rem}
    .toc{font-size:.85rem;position:sticky;top:0;max-height:100vh;overflow:auto;background:var(--fond-gris);padding:0 .75rem}
    .toc ol{list-style:none;padding:0}.toc li{margin:.25rem 0}.toc .toc-2{padding-left:1rem}
    .clause{margin:.3rem 0 .3rem 0}.clause .clause{margin-left:1.2rem}
    .clause h3{font-size:1.1rem;margin:1.5rem 0 .2rem}
    .clause-tools{font-size:.8rem;color:var(--texte-doux);margin:.1rem 0}
    .clause-tools a,.anchor{color:var(--texte-doux)}.anchor{text-decoration:underline}
    .note-editoriale{font-style:italic;color:#5a4500;background:#fff6d6}
    .version-line{color:var(--texte-doux)}
    .facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem}.facts dt{font-weight:700}.facts dd{margin:0}
    .clause-row{display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,2fr);gap:1.2rem;border-top:1px solid #ddd;padding-top:.4rem}
    .comments{font-size:.9rem;background:var(--fond-gris);padding:.5rem .75rem}
    .comment{border-bottom:1px solid #ddd;padding:.3rem 0}.comment .meta{color:var(--texte-doux);margin:.1rem 0;font-size:.85rem}
    .comment .reply{margin-left:1rem;border-left:3px solid var(--bord);padding-left:.6rem}
    .comment.resolved{opacity:.9}.tag{background:#eee;color:var(--texte);border-radius:1rem;padding:0 .5rem;font-size:.8rem}
    .actions{display:flex;flex-wrap:wrap;gap:1rem}.action{border:1px solid #ddd;padding:.5rem 1rem;min-width:min(18rem,100%);box-sizing:border-box;flex:1 1 18rem}
    .action h3{margin:.2rem 0;font-size:1rem}
    tr.mine{background:#e8edff}
    .comment-form summary{cursor:pointer;color:var(--bleu);font-size:.9rem;padding:.2rem 0}.comments .muted{margin:.2rem 0}
    .quote{border-left:3px solid var(--bord);padding-left:.8rem}
    .buttons{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
    table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:700;padding:.4rem 0}
    th,td{border:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}thead th{background:var(--fond-gris)}
    .table-scroll{overflow-x:auto;max-width:100%;margin:1rem 0;overflow-wrap:normal}.table-scroll th,.table-scroll td{min-width:5.5rem}
    .table-scroll:focus{outline:2px solid #0a76f6;outline-offset:2px}
    .diff table.summary{width:auto}
    ins{text-decoration:underline;text-decoration-thickness:2px}del{text-decoration:line-through;text-decoration-thickness:2px}
    footer{margin:3rem -1rem 0;padding:1rem;border-top:2px solid var(--bleu);font-size:.85rem;color:var(--texte-doux)}
    @media (max-width:50rem){.with-toc,.clause-row{grid-template-columns:minmax(0,1fr)}.toc{position:static;max-height:none}}
    @media (max-width:30rem){h1{font-size:1.6rem}.bloc-marque{font-size:.9rem}.service-title{font-size:1.05rem}.facts{grid-template-columns:minmax(0,1fr)}.facts dd{margin-bottom:.4rem}}
    """
}
