import Mustache

/// The pages' Mustache templates (zh-CN first, the English term in parentheses where the CLI
/// has it). Every value is HTML-escaped by `{{…}}`; nothing is rendered unescaped. The pages work
/// without JavaScript: plain links and forms.
enum PageTemplates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [("layout", layout), ("login", login), ("home", home), ("negotiation", negotiation), ("review", review),
                             ("problem", problem)] {
            // The templates are part of the program: one that does not parse is a programming error.
            try! library.register(text, named: name)
        }
        return library
    }()

    static let layout = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}工资集体协商{{/title}} · bargain</title>
        <link rel="stylesheet" href="/static/bargain.css">
        </head>
        <body>
        <header>
          <a class="brand" href="/">工资集体协商 <span lang="en">(collective wage negotiation)</span></a>
          {{#user}}
          <nav>
            <a href="/">我的协商</a>
            {{#reviewer}}<a href="/review">待审查 (review queue)</a>{{/reviewer}}
            {{#coverage}}<a href="/district" id="nav-district">区覆盖情况 (district coverage)</a>{{/coverage}}
            <span class="who" id="who">{{name}} · {{seat}}</span>
            <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">退出 (sign out)</button></form>
          </nav>
          {{/user}}
        </header>
        <main>
        {{$content}}{{/content}}
        </main>
        </body>
        </html>
        """

    static let login = """
        {{<layout}}
        {{$title}}登录 (sign in) · {{/title}}
        {{$content}}
        <h1>登录 <span lang="en">(sign in)</span></h1>
        {{#error}}<p class="error" role="alert" id="error">{{.}}</p>{{/error}}
        <form method="post" action="/login" class="login">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label for="name">账户 (account)</label>
          <input id="name" name="name" autocomplete="username" required value="{{name}}">
          <label for="password">密码 (password)</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <button type="submit" id="sign-in">登录 (sign in)</button>
        </form>
        {{/content}}
        {{/layout}}
        """

    static let home = """
        {{<layout}}
        {{$content}}
        <h1>我的协商 <span lang="en">(my negotiations)</span></h1>
        <p class="asof">截至 {{asOf}}，逾期的在前 (as of {{asOf}}, overdue first)</p>
        {{^rows}}<p>此席位没有可见的协商 (no negotiation in this seat's scope).</p>{{/rows}}
        {{#hasRows}}
        <table>
        <thead><tr><th scope="col">协商 (negotiation)</th><th scope="col">所处步骤 (step)</th><th scope="col">下一步 (next)</th><th scope="col">期限 (due)</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr{{#overdue}} class="overdue"{{/overdue}}>
          <td><a href="/negotiations/{{id}}">{{title}}</a><br><small>{{id}}</small></td>
          <td>{{step}}</td>
          <td>{{#mine}}<strong>{{.}}</strong><br>{{/mine}}{{#others}}<small>{{.}}</small><br>{{/others}}</td>
          <td>{{#due}}{{due}}<br><small>{{daysText}}</small>{{/due}}</td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        {{/hasRows}}
        {{/content}}
        {{/layout}}
        """

    static let negotiation = """
        {{<layout}}
        {{$title}}{{title}} · {{/title}}
        {{$content}}
        <p><a href="/">← 我的协商 (my negotiations)</a></p>
        <h1>{{title}}</h1>
        <p class="meta">{{id}} · {{level}} · 职工方 {{employeeSide}} · 企业方 {{employerSide}}{{#district}} · {{.}}{{/district}}</p>
        {{#brokenChain}}<p class="error" role="alert" id="broken-chain">记录可能已被篡改 (the record may have been changed): {{.}}</p>{{/brokenChain}}
        {{#done}}<p class="done" role="status" id="done">已记录 (recorded): {{.}}</p>{{/done}}
        {{#problem}}
        <div class="error" role="alert" id="error">
          <p><strong>{{title}}</strong></p>
          <p>{{detail}}</p>
          {{#rule}}<p>规则 (rule): <code>{{.}}</code>{{/rule}}{{#article}} · 依据 (article): {{.}}{{/article}}{{#rule}}</p>{{/rule}}
          {{#hasProblems}}<ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul>{{/hasProblems}}
        </div>
        {{/problem}}
        <section>
        <h2>现状 <span lang="en">(status as of {{asOf}})</span></h2>
        <p class="step" id="step">{{stepTitle}}</p>
        <p>{{stepAbout}}</p>
        {{#hasDeadlines}}
        <table>
        <thead><tr><th scope="col">期限 (deadline)</th><th scope="col">到期 (due)</th><th scope="col">剩余 (days left)</th><th scope="col">依据 (article)</th></tr></thead>
        <tbody>
        {{#deadlines}}<tr{{#overdue}} class="overdue"{{/overdue}}><td>{{title}}</td><td>{{due}}</td><td>{{daysLeft}}</td><td>{{article}}</td></tr>{{/deadlines}}
        </tbody>
        </table>
        {{/hasDeadlines}}
        </section>
        <section>
        <h2>办理 <span lang="en">(act)</span></h2>
        {{^forms}}<p>此席位现在没有可办理的事项 (nothing for this seat to do now).</p>{{/forms}}
        {{#forms}}
        <form method="post" action="/negotiations/{{id}}/act" class="act" id="act-{{action}}">
          <fieldset>
          <legend>{{title}} <small>({{article}})</small></legend>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="action" value="{{action}}">
          <input type="hidden" name="requestId" value="{{requestId}}">
          <label for="{{action}}-on">日期 (date)</label>
          <input id="{{action}}-on" name="on" type="date" value="{{today}}" max="{{today}}" required>
          {{#fields}}
          <label for="{{action}}-{{name}}">{{help}} <small>({{name}}{{#required}}，必填{{/required}})</small></label>
          {{#hasChoices}}
          <select id="{{action}}-{{name}}" name="field:{{name}}"{{#required}} required{{/required}}>{{^required}}<option value=""></option>{{/required}}{{#choices}}<option value="{{value}}">{{label}}</option>{{/choices}}</select>
          {{/hasChoices}}
          {{^hasChoices}}
          <input id="{{action}}-{{name}}" name="field:{{name}}" type="{{inputType}}" placeholder="{{hint}}"{{#required}} required{{/required}}>
          {{/hasChoices}}
          {{/fields}}
          <button type="submit">{{title}}</button>
          </fieldset>
        </form>
        {{/forms}}
        {{#hasOthers}}
        <h3>其他方的事项 <span lang="en">(for the other parties)</span></h3>
        <ul>{{#others}}<li>{{title}} — {{who}}</li>{{/others}}</ul>
        {{/hasOthers}}
        </section>
        <section>
        <h2>经过 <span lang="en">(timeline)</span></h2>
        <ol class="timeline">
        {{#timeline}}<li><span class="date">{{on}}</span> <span class="who">{{roleName}} {{actor}}</span> <strong>{{title}}</strong>{{#fields}}<br><small>{{.}}</small>{{/fields}}{{#notes}}<br><small>{{.}}</small>{{/notes}}</li>{{/timeline}}
        </ol>
        </section>
        {{/content}}
        {{/layout}}
        """

    static let review = """
        {{<layout}}
        {{$title}}待审查 (review queue) · {{/title}}
        {{$content}}
        <h1>待审查的集体合同 <span lang="en">(filings awaiting review)</span></h1>
        <p class="asof">截至 {{asOf}}；审查期内未提出意见，合同即生效 (S1 art 47: silence within the review window means the contract takes effect)</p>
        {{^rows}}<p>没有待审查的备案 (no filing awaits review).</p>{{/rows}}
        {{#hasRows}}
        <table>
        <thead><tr><th scope="col">协商 (negotiation)</th><th scope="col">审查期至 (review ends)</th><th scope="col">剩余天数 (days left)</th></tr></thead>
        <tbody>
        {{#rows}}<tr{{#overdue}} class="overdue"{{/overdue}}><td><a href="/negotiations/{{id}}">{{title}}</a><br><small>{{id}}</small></td><td>{{due}}</td><td>{{daysLeft}}</td></tr>{{/rows}}
        </tbody>
        </table>
        {{/hasRows}}
        {{/content}}
        {{/layout}}
        """

    static let problem = """
        {{<layout}}
        {{$title}}{{title}} · {{/title}}
        {{$content}}
        <h1>{{title}}</h1>
        <p class="error" role="alert" id="error">{{detail}}</p>
        {{#hasProblems}}<ul id="problems">{{#problems}}<li>{{.}}</li>{{/problems}}</ul>{{/hasProblems}}
        <p><a href="/">← 我的协商 (my negotiations)</a></p>
        {{/content}}
        {{/layout}}
        """

    static let stylesheet = """
        body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #1a1a1a; background: #fafafa; }
        header { background: #a61b1b; color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; }
        header a { color: #fff; text-decoration: none; margin-right: 1rem; }
        header .brand { font-weight: bold; }
        header form { display: inline; }
        header .who { margin-right: 1rem; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #ccc; padding: .4rem .5rem; text-align: left; vertical-align: top; }
        tr.overdue td { background: #fde8e8; }
        .error { background: #fde8e8; border-left: 4px solid #a61b1b; padding: .5rem 1rem; }
        .done { background: #e6f4ea; border-left: 4px solid #1e7d32; padding: .5rem 1rem; }
        form.act fieldset, form.login { background: #fff; border: 1px solid #ccc; padding: .8rem 1rem; margin-bottom: 1rem; display: grid; gap: .35rem; max-width: 36rem; }
        label { font-size: .95rem; }
        input, select, button { font: inherit; padding: .3rem .4rem; }
        button { background: #a61b1b; color: #fff; border: 0; border-radius: 3px; cursor: pointer; justify-self: start; padding: .4rem .9rem; }
        header button { background: #fff; color: #a61b1b; }
        .timeline .date { color: #555; font-variant-numeric: tabular-nums; }
        .step { font-size: 1.2rem; font-weight: bold; }
        small { color: #555; }
        @media print { header nav, form { display: none; } }
        """
}
