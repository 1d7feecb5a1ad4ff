<?xml version="1.0" encoding="UTF-8"?>
<!--
  bargain: a printable Chinese page for a filed contract (bargain-contract-1.0) or a workers'
  congress record (bargain-congress-1.0). XSLT 1.0, so browsers, libxslt and `xsltproc` apply it:

    xsltproc exports/schema/bargain-filing.xsl ENT-2025-001.contract.xml > ENT-2025-001.html

  Every document names it in an xml-stylesheet processing instruction (href="bargain-filing.xsl"),
  and a bag carries it beside the documents in data/, so a browser opening a document from the bag
  shows this page. It only presents what the document states; it computes nothing.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:bargain:contract:1.0"
                xmlns:k="urn:bargain:congress:1.0"
                xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
                exclude-result-prefixes="c k ds">

  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <!-- ================================================================ page -->

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="body"/>
    <html lang="zh-CN">
      <head>
        <meta charset="UTF-8"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
          @page { size: A4; margin: 18mm 16mm; }
          body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "WenQuanYi Zen Hei", serif;
                 font-size: 11pt; line-height: 1.6; color: #000; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
          h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; letter-spacing: 0.1em; }
          .subtitle { text-align: center; color: #333; margin-bottom: 6mm; }
          h2 { font-size: 13pt; border-bottom: 1px solid #000; margin: 6mm 0 2mm; page-break-after: avoid; }
          table { border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: avoid; }
          th, td { border: 1px solid #555; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
          th { background: #eee; font-weight: normal; width: 28%; }
          table.grid th { width: auto; white-space: nowrap; }
          td.nowrap { white-space: nowrap; }
          .note { font-size: 9pt; color: #333; }
          .mono { font-family: monospace; font-size: 8.5pt; word-break: break-all; }
          @media print { body { padding: 0; } }
        </style>
      </head>
      <body>
        <xsl:copy-of select="$body"/>
      </body>
    </html>
  </xsl:template>

  <!-- ================================================================ filed contract -->

  <xsl:template match="/c:filedContract">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="c:identification/c:title"/>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="c:identification/c:title"/></h1>
        <div class="subtitle">
          <xsl:call-template name="level"><xsl:with-param name="level" select="c:identification/c:level"/></xsl:call-template>
          <xsl:text>工资专项集体合同（报送审查本）</xsl:text>
        </div>

        <h2>一、基本信息</h2>
        <table>
          <tr><th>合同编号</th><td><xsl:value-of select="c:identification/c:contractId"/></td></tr>
          <xsl:if test="c:identification/c:urn"><tr><th>全局标识</th><td class="mono"><xsl:value-of select="c:identification/c:urn"/></td></tr></xsl:if>
          <tr><th>协商编号</th><td><xsl:value-of select="c:identification/c:negotiationId"/></td></tr>
          <xsl:if test="c:identification/c:district"><tr><th>所在区</th><td><xsl:value-of select="c:identification/c:district"/><xsl:if test="c:identification/c:street"><xsl:text> </xsl:text><xsl:value-of select="c:identification/c:street"/></xsl:if></td></tr></xsl:if>
          <xsl:if test="c:identification/c:renews"><tr><th>续订</th><td>续订 <xsl:value-of select="c:identification/c:renews"/> 的合同</td></tr></xsl:if>
          <tr><th>职工方</th><td><xsl:value-of select="c:parties/c:employeeParty/c:name"/>（首席代表：<xsl:value-of select="c:parties/c:employeeParty/c:chiefRepresentative"/>）</td></tr>
          <tr><th>企业方</th><td><xsl:value-of select="c:parties/c:employerParty/c:name"/>（首席代表：<xsl:value-of select="c:parties/c:employerParty/c:chiefRepresentative"/>）</td></tr>
          <tr><th>合同期限</th><td>
            <xsl:if test="c:term/c:startsOn">自 <xsl:call-template name="date"><xsl:with-param name="d" select="c:term/c:startsOn"/></xsl:call-template> 起，</xsl:if>
            至 <xsl:call-template name="date"><xsl:with-param name="d" select="c:term/c:expiresOn"/></xsl:call-template> 止</td></tr>
          <tr><th>生效日期</th><td>
            <xsl:choose>
              <xsl:when test="c:effectiveOn"><xsl:call-template name="date"><xsl:with-param name="d" select="c:effectiveOn"/></xsl:call-template></xsl:when>
              <xsl:otherwise>尚未生效</xsl:otherwise>
            </xsl:choose></td></tr>
          <xsl:if test="c:termination"><tr><th>解除</th><td><xsl:call-template name="date"><xsl:with-param name="d" select="c:termination/c:terminatedOn"/></xsl:call-template><xsl:if test="c:termination/c:reason">：<xsl:value-of select="c:termination/c:reason"/></xsl:if></td></tr></xsl:if>
        </table>

        <h2>二、覆盖企业（<xsl:value-of select="c:coveredEnterprises/@count"/>家<xsl:if test="c:coveredEnterprises/@employees">，职工<xsl:value-of select="c:coveredEnterprises/@employees"/>人</xsl:if>）</h2>
        <table class="grid">
          <tr><th>统一社会信用代码</th><th>企业名称</th><th>职工人数</th></tr>
          <xsl:for-each select="c:coveredEnterprises/c:enterprise">
            <tr><td class="mono"><xsl:value-of select="c:creditCode"/></td><td><xsl:value-of select="c:name"/></td><td><xsl:value-of select="c:employees"/></td></tr>
          </xsl:for-each>
        </table>

        <h2>三、工资条款</h2>
        <table>
          <tr><th>年度工资调整幅度</th><td><xsl:value-of select="c:wageTerms/c:adjustmentRate/@percent"/>%</td></tr>
          <tr><th>企业最低工资</th><td><xsl:value-of select="c:wageTerms/c:lowestWage/@yuan"/> 元/月</td></tr>
          <tr><th>工资支付日</th><td>每月<xsl:value-of select="c:wageTerms/c:payDay"/>日</td></tr>
          <xsl:if test="c:wageTerms/c:chosenItems/c:item"><tr><th>其他约定事项</th><td>
            <xsl:for-each select="c:wageTerms/c:chosenItems/c:item"><xsl:value-of select="."/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each></td></tr></xsl:if>
          <xsl:if test="c:wageTerms/c:averageWageLastYear"><tr><th>上年度职工月平均工资</th><td><xsl:value-of select="c:wageTerms/c:averageWageLastYear/@yuan"/> 元</td></tr></xsl:if>
          <xsl:if test="c:wageTerms/c:employeesCovered"><tr><th>覆盖职工人数</th><td><xsl:value-of select="c:wageTerms/c:employeesCovered"/> 人</td></tr></xsl:if>
        </table>

        <h2>四、协商代表与协商会议</h2>
        <table>
          <xsl:for-each select="c:representatives/c:delegation">
            <tr><th><xsl:call-template name="side"><xsl:with-param name="side" select="@side"/></xsl:call-template>代表</th>
              <td>首席代表 <xsl:value-of select="c:chief"/><xsl:for-each select="c:member">、<xsl:value-of select="."/></xsl:for-each>
                <xsl:if test="c:expert">；外部专家 <xsl:for-each select="c:expert"><xsl:value-of select="."/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each></xsl:if></td></tr>
          </xsl:for-each>
          <xsl:if test="c:representatives/c:recorder"><tr><th>记录员</th><td><xsl:value-of select="c:representatives/c:recorder"/></td></tr></xsl:if>
        </table>
        <table class="grid">
          <tr><th>轮次</th><th>日期</th><th>主持方</th><th>纪要签字</th><th>内容</th></tr>
          <xsl:for-each select="c:talks/c:round">
            <tr><td>第<xsl:value-of select="@number"/>轮</td>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="c:heldOn"/></xsl:call-template></td>
              <td><xsl:call-template name="side"><xsl:with-param name="side" select="c:chair"/></xsl:call-template></td>
              <td><xsl:choose><xsl:when test="c:minutesSigned = 'true'">已签字</xsl:when><xsl:otherwise>未签字</xsl:otherwise></xsl:choose></td>
              <td><xsl:value-of select="c:summary"/></td></tr>
          </xsl:for-each>
        </table>

        <h2>五、职工代表大会审议</h2>
        <table class="grid">
          <tr><th>会次</th><th>日期</th><th>应到</th><th>实到</th><th>法定人数</th><th>赞成</th><th>反对</th><th>弃权</th><th>结果</th></tr>
          <xsl:for-each select="c:congressApproval/c:session">
            <tr><td>第<xsl:value-of select="@number"/>次（<xsl:value-of select="c:body"/>）</td>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="c:heldOn"/></xsl:call-template></td>
              <td><xsl:value-of select="c:total"/></td><td><xsl:value-of select="c:present"/></td><td><xsl:value-of select="c:quorum"/></td>
              <td><xsl:value-of select="c:votesFor"/></td><td><xsl:value-of select="c:votesAgainst"/></td><td><xsl:value-of select="c:abstentions"/></td>
              <td class="nowrap"><xsl:call-template name="outcome"><xsl:with-param name="outcome" select="c:outcome"/></xsl:call-template></td></tr>
          </xsl:for-each>
        </table>
        <xsl:for-each select="c:congressApproval/c:session">
          <p class="note">第<xsl:value-of select="@number"/>次：依据<xsl:value-of select="c:ruleApplied/c:article"/>，<xsl:value-of select="c:ruleApplied/c:explanation[not(@xml:lang = 'en')]"/>。</p>
        </xsl:for-each>

        <h2>六、签字、报送审查与公布</h2>
        <table>
          <xsl:for-each select="c:signatures/c:signature">
            <tr><th><xsl:call-template name="side"><xsl:with-param name="side" select="@side"/></xsl:call-template>首席代表签字</th>
              <td><xsl:value-of select="c:name"/>，<xsl:call-template name="date"><xsl:with-param name="d" select="c:signedOn"/></xsl:call-template></td></tr>
          </xsl:for-each>
          <xsl:for-each select="c:filings/c:filing">
            <tr><th>第<xsl:value-of select="@number"/>次报送</th>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="c:filedOn"/></xsl:call-template>，由<xsl:value-of select="c:filedBy"/>报送<xsl:value-of select="c:authority"/>，一式<xsl:value-of select="c:copies"/>份<xsl:if test="c:filingNumber">；备案号：<xsl:value-of select="c:filingNumber"/></xsl:if>。
                审查：<xsl:call-template name="review"><xsl:with-param name="review" select="c:review"/></xsl:call-template></td></tr>
          </xsl:for-each>
          <xsl:for-each select="c:publications/c:publication">
            <tr><th><xsl:call-template name="side"><xsl:with-param name="side" select="@side"/></xsl:call-template>公布</th>
              <td><xsl:call-template name="date"><xsl:with-param name="d" select="c:publishedOn"/></xsl:call-template>，<xsl:value-of select="c:form"/></td></tr>
          </xsl:for-each>
        </table>

        <xsl:call-template name="provenance">
          <xsl:with-param name="provenance" select="c:provenance"/>
          <xsl:with-param name="deposit" select="c:deposit"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ congress record -->

  <xsl:template match="/k:congressRecord">
    <xsl:variable name="title"><xsl:value-of select="k:session/k:body"/>会议记录（第<xsl:value-of select="k:identification/k:sessionNumber"/>次）</xsl:variable>
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="$title"/></h1>
        <div class="subtitle"><xsl:for-each select="k:enterprises/k:enterprise"><xsl:value-of select="k:name"/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each></div>

        <h2>一、会议</h2>
        <table>
          <tr><th>记录编号</th><td><xsl:value-of select="k:identification/k:recordId"/></td></tr>
          <xsl:if test="k:identification/k:urn"><tr><th>全局标识</th><td class="mono"><xsl:value-of select="k:identification/k:urn"/></td></tr></xsl:if>
          <xsl:if test="k:identification/k:negotiationId"><tr><th>所属协商</th><td><xsl:value-of select="k:identification/k:negotiationId"/></td></tr></xsl:if>
          <tr><th>会议</th><td><xsl:call-template name="level"><xsl:with-param name="level" select="k:session/k:body/@level"/></xsl:call-template><xsl:value-of select="k:session/k:body"/></td></tr>
          <tr><th>召开日期</th><td><xsl:call-template name="date"><xsl:with-param name="d" select="k:session/k:heldOn"/></xsl:call-template></td></tr>
          <tr><th>召集</th><td><xsl:value-of select="k:session/k:convenedBy"/><xsl:if test="k:session/k:convenedOn">，<xsl:call-template name="date"><xsl:with-param name="d" select="k:session/k:convenedOn"/></xsl:call-template>召集</xsl:if></td></tr>
          <xsl:if test="k:session/k:itemsDeliveredOn"><tr><th>议题送达工会</th><td><xsl:call-template name="date"><xsl:with-param name="d" select="k:session/k:itemsDeliveredOn"/></xsl:call-template></td></tr></xsl:if>
          <xsl:if test="k:session/k:recorder"><tr><th>记录人</th><td><xsl:value-of select="k:session/k:recorder"/></td></tr></xsl:if>
        </table>

        <h2>二、出席情况</h2>
        <table>
          <tr><th>全体代表（应到）</th><td><xsl:value-of select="k:attendance/k:total"/> 人</td></tr>
          <tr><th>实到</th><td><xsl:value-of select="k:attendance/k:present"/> 人</td></tr>
          <xsl:if test="k:attendance/k:managers"><tr><th>其中企业管理人员</th><td><xsl:value-of select="k:attendance/k:managers"/> 人</td></tr></xsl:if>
          <tr><th>法定到会人数</th><td><xsl:value-of select="k:attendance/k:quorum"/> 人（<xsl:choose><xsl:when test="k:attendance/k:quorumMet = 'true'">已达到</xsl:when><xsl:otherwise>未达到，须重新召开</xsl:otherwise></xsl:choose>）</td></tr>
        </table>

        <h2>三、审议事项与表决</h2>
        <table class="grid">
          <tr><th>序号</th><th>事项</th><th>赞成</th><th>反对</th><th>弃权</th><th>结果</th></tr>
          <xsl:for-each select="k:agenda/k:item">
            <tr><td><xsl:value-of select="@number"/></td><td><xsl:value-of select="k:title"/></td>
              <td><xsl:value-of select="k:votesFor"/></td><td><xsl:value-of select="k:votesAgainst"/></td><td><xsl:value-of select="k:abstentions"/></td>
              <td class="nowrap"><xsl:call-template name="outcome"><xsl:with-param name="outcome" select="k:outcome"/></xsl:call-template></td></tr>
          </xsl:for-each>
        </table>
        <xsl:for-each select="k:agenda/k:item">
          <p class="note">事项<xsl:value-of select="@number"/>：依据<xsl:value-of select="k:ruleApplied/k:article"/>，<xsl:value-of select="k:ruleApplied/k:explanation[not(@xml:lang = 'en')]"/>。</p>
        </xsl:for-each>

        <xsl:call-template name="provenance">
          <xsl:with-param name="provenance" select="k:provenance"/>
          <xsl:with-param name="deposit" select="k:deposit"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ shared parts -->

  <xsl:template name="provenance">
    <xsl:param name="provenance"/>
    <xsl:param name="deposit"/>
    <h2>附：来源与移交</h2>
    <table class="note">
      <xsl:if test="$deposit">
        <tr><th>移交单位</th><td><xsl:value-of select="$deposit/*[local-name() = 'depositor']"/>（<span class="mono"><xsl:value-of select="$deposit/*[local-name() = 'depositor']/@creditCode"/></span>）</td></tr>
        <tr><th>生成程序</th><td><xsl:value-of select="$deposit/*[local-name() = 'producer']"/><xsl:text> </xsl:text><xsl:value-of select="$deposit/*[local-name() = 'producer']/@version"/>，导出时间 <xsl:value-of select="$deposit/*[local-name() = 'exportedAt']"/>（UTC）</td></tr>
      </xsl:if>
      <xsl:if test="$provenance">
        <tr><th>最后事件</th><td>第<xsl:value-of select="$provenance/*[local-name() = 'lastEventSequence']"/>号，哈希 <span class="mono"><xsl:value-of select="$provenance/*[local-name() = 'lastEventHash']"/></span></td></tr>
      </xsl:if>
      <tr><th>电子签名</th><td>
        <xsl:choose>
          <xsl:when test="//ds:Signature">本文件带有 XML 数字签名（ECDSA-SHA256）；请以移交单位公钥核验：xmlsec1 --verify --pubkey-pem public.pem 文件名</xsl:when>
          <xsl:otherwise>本文件未签名</xsl:otherwise>
        </xsl:choose></td></tr>
    </table>
  </xsl:template>

  <!-- 2025-04-30 → 2025年4月30日 -->
  <xsl:template name="date">
    <xsl:param name="d"/>
    <xsl:value-of select="substring($d, 1, 4)"/>年<xsl:value-of select="number(substring($d, 6, 2))"/>月<xsl:value-of select="number(substring($d, 9, 2))"/>日</xsl:template>

  <xsl:template name="level">
    <xsl:param name="level"/>
    <xsl:choose>
      <xsl:when test="$level = 'enterprise'">企业</xsl:when>
      <xsl:when test="$level = 'industry'">行业性</xsl:when>
      <xsl:when test="$level = 'regional'">区域性</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="side">
    <xsl:param name="side"/>
    <xsl:choose>
      <xsl:when test="$side = 'employee'">职工方</xsl:when>
      <xsl:when test="$side = 'employer'">企业方</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="outcome">
    <xsl:param name="outcome"/>
    <xsl:choose>
      <xsl:when test="$outcome = 'approved'">通过</xsl:when>
      <xsl:when test="$outcome = 'rejected'">未通过</xsl:when>
      <xsl:when test="$outcome = 'quorum-missed'">不足法定人数</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="review">
    <xsl:param name="review"/>
    <xsl:choose>
      <xsl:when test="$review/*[local-name() = 'outcome'] = 'pending'">审查中</xsl:when>
      <xsl:when test="$review/*[local-name() = 'outcome'] = 'no-objection'">书面无异议（<xsl:call-template name="date"><xsl:with-param name="d" select="$review/*[local-name() = 'decidedOn']"/></xsl:call-template>）</xsl:when>
      <xsl:when test="$review/*[local-name() = 'outcome'] = 'lapsed'">审查期满未提出异议，自行生效（<xsl:call-template name="date"><xsl:with-param name="d" select="$review/*[local-name() = 'decidedOn']"/></xsl:call-template>）</xsl:when>
      <xsl:when test="$review/*[local-name() = 'outcome'] = 'objection'">提出审查意见（<xsl:call-template name="date"><xsl:with-param name="d" select="$review/*[local-name() = 'decidedOn']"/></xsl:call-template>）：<xsl:value-of select="$review/*[local-name() = 'opinion']"/></xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
