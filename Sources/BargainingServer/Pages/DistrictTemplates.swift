import Mustache

/// The district pages' templates (issue 16), in the pages' layout and style: zh-CN first with the
/// English term in parentheses, every value escaped, no script; every figure in a table (the
/// chart is an image with the same figures in its table), tables that scroll on their own at
/// 200% zoom rather than the page.
enum DistrictTemplates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [("layout", PageTemplates.layout), ("district", overview), ("street", street), ("downloads", downloads),
                                 ("upload", UploadTemplates.form), ("upload-preview", UploadTemplates.preview), ("upload-done", UploadTemplates.done),
                                 ("letters", LetterTemplates.page)] {
            // The templates are part of the program: one that does not parse is a programming error.
            try! library.register(text, named: name)
        }
        return library
    }()

    static let downloads = """
        <p class="downloads">下载 (download): {{#downloads}}<a href="{{href}}" id="{{id}}">{{label}}</a> {{/downloads}}</p>
        """

    static let overview = """
        {{<layout}}
        {{$title}}{{scope}} 覆盖情况 (coverage) · {{/title}}
        {{$content}}
        <h1>{{scope}} 集体合同覆盖情况 <span lang="en">(coverage against the targets)</span></h1>
        <form method="get" action="/district" class="asof-form">
          <label for="asOf">截至 (as of)</label>
          <input type="date" id="asOf" name="asOf" value="{{asOf}}" required>
          {{#isCity}}
          <label for="district">区 (district)</label>
          <select id="district" name="district"><option value="">全市 (whole city)</option>{{#districts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/districts}}</select>
          {{/isCity}}
          <button type="submit" id="show">查看 (show)</button>
        </form>
        <p class="asof">续签率统计期间 (renewal period) {{from}} 至 {{to}}；目标 (targets): {{policyTitle}}</p>
        {{#office}}<p class="office"><a href="/district/upload" id="upload-link">上传名录、合同台账或职代会情况 (upload the district's files)</a> · <a href="/district/letters" id="letters-link">督促函 (reminder letters)</a></p>{{/office}}
        <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">指标与目标 <span lang="en">(figures against the targets)</span></h2>
        <div class="scroll" role="region" aria-labelledby="figures-heading" tabindex="0">
        <table id="figures">
        <thead><tr><th scope="col">指标 (figure)</th><th scope="col">完成 / 基数 (achieved / of)</th><th scope="col">比率 (rate)</th><th scope="col">目标 (target)</th><th scope="col">差额（企业） (shortfall, enterprises)</th></tr></thead>
        <tbody>
        {{#figures}}<tr id="figure-{{id}}"{{#below}} class="below"{{/below}}><th scope="row">{{name}}</th><td class="num count">{{count}}</td><td class="num rate">{{rate}}</td><td class="num target">{{target}}</td><td class="num shortfall">{{shortfall}}</td></tr>{{/figures}}
        </tbody>
        </table>
        </div>
        <p><small>未达目标的行标红 (rows below target are marked)；差额：达到目标还需新增签订的企业数 (shortfall: enterprises still to sign to reach the target)。</small></p>
        </section>
        <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">图表 <span lang="en">(chart)</span></h2>
        <img class="chart" src="{{chart}}" alt="{{chartText}}">
        </section>
        {{#tables}}
        <section aria-labelledby="{{id}}-heading">
        <h2 id="{{id}}-heading">{{heading}}</h2>
        {{^hasRows}}<p>没有数据 (no data).</p>{{/hasRows}}
        {{#hasRows}}
        <div class="scroll" role="region" aria-labelledby="{{id}}-heading" tabindex="0">
        <table id="{{id}}">
        <thead><tr><th scope="col">{{groupName}}</th><th scope="col">建会企业 (unionised)</th><th scope="col">签订率 (signing)</th><th scope="col">签订差额 (short)</th><th scope="col">续签率 (renewal)</th><th scope="col">续签差额 (short)</th><th scope="col">职工覆盖率 (employees)</th><th scope="col">职代会建制率 (congress)</th></tr></thead>
        <tbody>
        {{#rows}}<tr{{#below}} class="below"{{/below}}><th scope="row">{{#link}}<a href="{{link}}">{{name}}</a>{{/link}}{{^link}}{{name}}{{/link}}</th><td class="num">{{unionised}}</td><td class="num">{{signing}}</td><td class="num">{{signingShort}}</td><td class="num">{{renewal}}</td><td class="num">{{renewalShort}}</td><td class="num">{{coverage}}</td><td class="num">{{congress}}</td></tr>{{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}
        {{>downloads}}
        </section>
        {{/tables}}
        <section aria-labelledby="laggards-heading">
        <h2 id="laggards-heading">待督促企业 <span lang="en">(laggards)</span></h2>
        <p id="laggard-count">未签或即将到期的建会企业 {{laggards}} 家 (unionised enterprises not covered or with coverage ending soon).</p>
        {{#laggardDownloads}}{{>downloads}}{{/laggardDownloads}}
        </section>
        {{/content}}
        {{/layout}}
        """

    static let street = """
        {{<layout}}
        {{$title}}{{district}}{{street}} · {{/title}}
        {{$content}}
        <p><a href="{{back}}">← {{district}} 覆盖情况 (district coverage)</a></p>
        <h1>{{district}} {{street}} <span lang="en">(enterprises of the street)</span></h1>
        <p class="asof">截至 {{asOf}}：企业 {{enterprises}} 家，待督促 {{laggards}} 家 (as of {{asOf}}: {{enterprises}} enterprises, {{laggards}} laggards); 未覆盖与即将到期的在前 (laggards first)</p>
        <div class="scroll" role="region" aria-labelledby="enterprises-caption" tabindex="0">
        <table id="enterprises">
        <caption id="enterprises-caption">{{street}} 企业覆盖情况 (coverage of each enterprise)</caption>
        <thead><tr>{{#headers}}<th scope="col">{{.}}</th>{{/headers}}</tr></thead>
        <tbody>
        {{#rows}}<tr{{#laggard}} class="below"{{/laggard}}>{{#first}}<th scope="row">{{text}}</th>{{/first}}{{#cells}}<td{{#figure}} class="num"{{/figure}}>{{#link}}<a href="{{link}}">{{text}}</a>{{/link}}{{^link}}{{text}}{{/link}}</td>{{/cells}}</tr>{{/rows}}
        </tbody>
        </table>
        </div>
        {{>downloads}}
        {{/content}}
        {{/layout}}
        """

    /// Added to the pages' stylesheet: figures right-aligned, rows below target marked by a
    /// colour and a bar (not colour alone), tables scrolling inside their region.
    static let stylesheet = """
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.below th, tr.below td { background: #fdecea; }
        tr.below th:first-child { border-left: 4px solid #a61b1b; }
        .scroll { overflow-x: auto; max-width: 100%; }
        .scroll:focus { outline: 2px solid #1a56a6; outline-offset: 2px; }
        a:focus, button:focus, input:focus, select:focus { outline: 2px solid #1a56a6; outline-offset: 2px; }
        img.chart { max-width: 100%; height: auto; border: 1px solid #ccc; background: #fff; }
        .asof-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-bottom: .5rem; }
        .downloads a { margin-right: .8rem; }
        caption { text-align: left; font-weight: bold; padding: .3rem 0; }
        #enterprises th[scope=row] { min-width: 9em; }
        """
}
