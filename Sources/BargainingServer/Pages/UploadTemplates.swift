/// The upload pages' templates (issue 16 item 3), in the district pages' layout: the form, the
/// preview with its confirm, and what was imported.
enum UploadTemplates {
    static let form = """
        {{<layout}}
        {{$title}}上传数据 (upload) · {{/title}}
        {{$content}}
        <p><a href="/district">← 区覆盖情况 (district coverage)</a></p>
        <h1>上传数据 <span lang="en">(upload the district's files)</span></h1>
        <p>{{scope}}：企业名录、集体合同台账或职代会召开情况，Excel (.xlsx) 或 CSV（GBK 或 UTF-8 均可，可有标题行、中文表头），不超过 {{limit}}。先预览，确认后才导入 (preview first; nothing is stored until you confirm).</p>
        <form method="post" action="/district/upload" enctype="multipart/form-data" class="upload-form">
          <input type="hidden" name="csrf" value="{{user.csrf}}">
          <fieldset>
          <legend>文件内容 (what the file holds)</legend>
          {{#kinds}}<label class="choice"><input type="radio" name="kind" value="{{value}}" id="kind-{{value}}"{{#checked}} checked{{/checked}} required> {{label}}</label>{{/kinds}}
          </fieldset>
          <label for="file">文件 (file)</label>
          <input type="file" id="file" name="file" accept=".xlsx,.csv,text/csv" required>
          <button type="submit" id="preview">预览 (preview)</button>
        </form>
        {{/content}}
        {{/layout}}
        """

    static let counts = """
        <div class="scroll" role="region" aria-labelledby="counts-heading" tabindex="0">
        <table id="counts">
        <caption id="counts-heading">{{kind}}：{{file}}{{#sheet}}（工作表 {{.}}）{{/sheet}}</caption>
        <thead><tr><th scope="col">结果 (outcome)</th><th scope="col">行数 (rows)</th></tr></thead>
        <tbody>{{#counts}}<tr id="count-{{id}}"><th scope="row">{{label}}</th><td class="num">{{value}}</td></tr>{{/counts}}</tbody>
        </table>
        </div>
        """

    static let rejected = """
        {{#hasRejected}}
        <section aria-labelledby="rejected-heading">
        <h2 id="rejected-heading">未导入的行及原因 <span lang="en">(rows set aside, with the reasons)</span></h2>
        <div class="scroll" role="region" aria-labelledby="rejected-heading" tabindex="0">
        <table id="rejected">
        <thead><tr><th scope="col">行号 (line)</th><th scope="col">列 (column)</th><th scope="col">原因 (reason)</th><th scope="col">原行内容 (row as written)</th></tr></thead>
        <tbody>{{#rejected}}<tr><th scope="row" class="num">{{line}}</th><td>{{column}}</td><td>{{reason}}</td><td><code>{{row}}</code></td></tr>{{/rejected}}</tbody>
        </table>
        </div>
        {{#hasMoreRejected}}<p>另有 {{moreRejected}} 条见下载文件 ({{moreRejected}} more in the download).</p>{{/hasMoreRejected}}
        {{#canDownload}}<p class="downloads">下载未导入的行 (download the rows set aside): {{#downloads}}<a href="{{href}}" id="{{id}}">{{label}}</a> {{/downloads}}</p>{{/canDownload}}
        </section>
        {{/hasRejected}}
        """

    static let preview = """
        {{<layout}}
        {{$title}}预览 (preview) · {{/title}}
        {{$content}}
        <h1>预览 <span lang="en">(preview: what the import would change)</span></h1>
        <p id="not-stored" role="status">尚未导入：确认后才保存 (nothing is stored until you confirm)。范围 (scope): {{scope}}</p>
        """ + counts + """
        {{#notes}}<p class="note">{{.}}</p>{{/notes}}
        {{#warnings}}<p class="note">{{.}}</p>{{/warnings}}
        """ + rejected + """
        <form method="post" action="/district/upload/confirm" class="confirm-form">
          <input type="hidden" name="csrf" value="{{user.csrf}}">
          <input type="hidden" name="upload" value="{{hash}}">
          <p>文件 SHA-256 (the file confirmed): <code id="upload-hash">{{hash}}</code></p>
          <button type="submit" id="confirm">确认导入 (confirm the import)</button>
          <a href="/district/upload" id="cancel">取消 (cancel)</a>
        </form>
        {{/content}}
        {{/layout}}
        """

    static let done = """
        {{<layout}}
        {{$title}}已导入 (imported) · {{/title}}
        {{$content}}
        <h1>已导入 <span lang="en">(imported)</span></h1>
        <p id="imported" role="status">已保存 (stored)。范围 (scope): {{scope}}；文件 SHA-256 <code>{{hash}}</code></p>
        """ + counts + rejected + """
        <p><a href="/district" id="back">← 区覆盖情况 (district coverage)</a> · <a href="/district/upload" id="again">继续上传 (upload another file)</a></p>
        {{/content}}
        {{/layout}}
        """
}
