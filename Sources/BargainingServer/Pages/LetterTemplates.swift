/// The letters page's template (issue 16 item 4), in the district pages' layout: the laggards
/// with their rung and a checkbox where today's run would take the next rung, the generate
/// button, a generation's outcome with its downloads, and the register (督促登记簿).
enum LetterTemplates {
    static let page = """
        {{<layout}}
        {{$title}}督促函 (reminder letters) · {{/title}}
        {{$content}}
        <p><a href="/district">← 区覆盖情况 (district coverage)</a></p>
        <h1>督促函 <span lang="en">(reminder letters)</span></h1>
        <p class="asof">{{scope}}，截至 {{asOf}} (as of today)：选择企业，生成特别提示函并登记为已发 (choose enterprises, generate their letters and record them as sent).</p>
        {{#result}}
        <section aria-labelledby="result-heading" id="result">
        <h2 id="result-heading">本次办理 <span lang="en">(this run)</span></h2>
        {{#hasTaken}}<ul id="taken">{{#taken}}<li>{{.}}</li>{{/taken}}</ul>{{/hasTaken}}
        {{^hasTaken}}<p id="nothing-written" role="status">未生成任何函件，未登记 (nothing written, nothing recorded).</p>{{/hasTaken}}
        {{#hasNothing}}<ul id="why">{{#nothing}}<li>{{.}}</li>{{/nothing}}</ul>{{/hasNothing}}
        {{#hasDownloads}}<p class="downloads">下载 (download): {{#downloads}}<a href="{{href}}" id="{{id}}">{{label}}</a> {{/downloads}}</p>{{/hasDownloads}}
        </section>
        {{/result}}
        <section aria-labelledby="ladder-heading">
        <h2 id="ladder-heading">待督促企业及所处阶段 <span lang="en">(laggards and their rung)</span></h2>
        {{^hasRungs}}<p>没有待督促企业 (no laggards).</p>{{/hasRungs}}
        {{#hasRungs}}
        <form method="post" action="/district/letters">
        <input type="hidden" name="csrf" value="{{user.csrf}}">
        <div class="scroll" role="region" aria-labelledby="ladder-heading" tabindex="0">
        <table id="ladder">
        <thead><tr><th scope="col">选择 (choose)</th><th scope="col">统一社会信用代码 (credit code)</th><th scope="col">企业 (enterprise)</th><th scope="col">街道 (street)</th><th scope="col">情况 (reason)</th><th scope="col">阶段 (rung)</th><th scope="col">状态 (step)</th><th scope="col">自 (since)</th><th scope="col">答复期至 (answer by)</th></tr></thead>
        <tbody>
        {{#rungs}}<tr id="rung-{{code}}"><td>{{#pickable}}<input type="checkbox" name="pick:{{code}}" id="pick-{{code}}" aria-label="选择 {{name}} (choose)">{{/pickable}}</td><th scope="row">{{code}}</th><td>{{name}}</td><td>{{street}}</td><td>{{reason}}</td><td class="rung">{{title}}</td><td class="step">{{step}}</td><td class="num">{{since}}</td><td class="num">{{answerBy}}</td></tr>{{/rungs}}
        </tbody>
        </table>
        </div>
        <button type="submit" id="generate">生成并登记 (generate and record)</button>
        </form>
        {{/hasRungs}}
        </section>
        <section aria-labelledby="register-heading">
        <h2 id="register-heading">督促登记簿 <span lang="en">(register of reminders)</span></h2>
        {{^hasRegister}}<p>尚无登记 (nothing recorded yet).</p>{{/hasRegister}}
        {{#hasRegister}}
        <div class="scroll" role="region" aria-labelledby="register-heading" tabindex="0">
        <table id="register">
        <thead><tr><th scope="col">日期 (date)</th><th scope="col">文号 (reference)</th><th scope="col">统一社会信用代码 (credit code)</th><th scope="col">企业 (enterprise)</th><th scope="col">街道 (street)</th><th scope="col">阶段 (rung)</th><th scope="col">答复期至 (answer by)</th></tr></thead>
        <tbody>
        {{#register}}<tr><td class="num">{{date}}</td><td>{{reference}}</td><th scope="row">{{code}}</th><td>{{name}}</td><td>{{street}}</td><td>{{title}}</td><td class="num">{{answerBy}}</td></tr>{{/register}}
        </tbody>
        </table>
        </div>
        {{/hasRegister}}
        </section>
        {{/content}}
        {{/layout}}
        """
}
