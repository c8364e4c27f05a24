/* The report's fixed words in each language craf speaks. */
#include "i18n.h"

#include <string.h>

static const char *const en[MSG_COUNT] = {
	[MSG_REPORT_TITLE] = "C-RAF 2.0 maturity-gap report",
	[MSG_INSTITUTION] = "Institution",
	[MSG_ASSESSED] = "Assessed",
	[MSG_BY] = "by",
	[MSG_SCOPE] = "Scope",
	[MSG_CATALOGUE] = "Catalogue",
	[MSG_PRINCIPLES] = "principles",
	[MSG_TARGET] = "Target",
	[MSG_FROM_EXPLICIT] = "set in the answers file",
	[MSG_FROM_INHERENT_RISK] = "from inherent risk",
	[MSG_FROM_COMMAND_LINE] = "set on the command line",
	[MSG_OVERALL] = "Overall",
	[MSG_DOMAINS] = "Domains",
	[MSG_DOMAIN] = "Domain",
	[MSG_ACHIEVED] = "Achieved",
	[MSG_GAPS_AGAINST] = "Gaps against the target",
	[MSG_NO_GAPS] = "No gaps: every requirement up to the target is achieved.",
	[MSG_ALL_LEVELS] = "all levels",
	[MSG_STATUS] = "Status",
	[MSG_NOTE] = "Note",
	[MSG_EVIDENCE] = "Evidence",
	[MSG_REMEDIATION] = "Remediation",
	[MSG_DUE] = "due",
	[MSG_OVERDUE] = "OVERDUE",
	[MSG_EXPIRES] = "expires",
	[MSG_EXPIRED] = "EXPIRED",
	[MSG_HELPS] = "Tencent Cloud",
	[MSG_RESPONSIBILITY] = "Responsibility",
	[MSG_SUMMARY_GAPS] = "gaps",
	[MSG_SUMMARY_UNANSWERED] = "unanswered",
	[MSG_SUMMARY_OVERDUE] = "overdue",
	[MSG_NONE_LEVEL] = "none",
	[MSG_LEVEL_BASELINE] = "baseline",
	[MSG_LEVEL_INTERMEDIATE] = "intermediate",
	[MSG_LEVEL_ADVANCED] = "advanced",
	[MSG_RISK_LOW] = "low",
	[MSG_RISK_MEDIUM] = "medium",
	[MSG_RISK_HIGH] = "high",
	[MSG_RESP_CUSTOMER] = "customer (the institution)",
	[MSG_RESP_SHARED] = "shared (institution and Tencent Cloud)",
	[MSG_RESP_PROVIDER] = "provider (Tencent Cloud; inherited)",
	[MSG_ST_UNANSWERED] = "unanswered",
	[MSG_ST_MET] = "met",
	[MSG_ST_COMPENSATING] = "compensating",
	[MSG_ST_NOT_APPLICABLE] = "not applicable",
	[MSG_ST_INHERITED] = "inherited",
	[MSG_ST_PARTIAL] = "partial",
	[MSG_ST_NOT_MET] = "not met",
	[MSG_ST_RISK_ACCEPTED] = "risk accepted",
	[MSG_MEETS_TARGET] = "meets target",
	[MSG_BELOW_TARGET] = "below target",
	[MSG_SHIPPED_NOTE] = "The built-in catalogue summarises C-RAF 2.0 from Tencent "
			     "Cloud's compliance guide; it is not the HKMA's full matrix "
			     "(load that with --catalogue).",
	[MSG_BUILTIN] = "built-in",
	[MSG_RISK_ACCEPTED_LABEL] = "Risk accepted",
	[MSG_CAT_REQUIREMENTS] = "requirements",
	[MSG_CAT_LEGEND] =
		"Levels: B baseline, I intermediate, A advanced; * one requirement for all levels",
	[MSG_CAT_COMPONENT] = "Component",
	[MSG_CAT_LEVELS] = "Levels",
	[MSG_CAT_ADDS_TO] = "adds to",
	[MSG_CAT_RESPONSE] = "Tencent Cloud mapped response",
	[MSG_CAT_PRODUCTS] = "Products that help",
	[MSG_CAT_CUSTOMER] = "What the institution does",
	[MSG_CAT_PROVIDER] = "What Tencent Cloud operates (inherited)",
	[MSG_CAT_CERTIFICATIONS] = "Certifications and reports",
	[MSG_CAT_HELPS_WITH] = "Helps with",
	[MSG_CAT_CATEGORY] = "Category",
	[MSG_CAT_NO_PRINCIPLES] = "No principle matches.",
	[MSG_CAT_NONE] = "none",
	[MSG_CAT_AREA] = "Security area",
	[MSG_REQUIREMENT] = "Requirement",
	[MSG_LEVEL] = "Level",
	[MSG_PROGRESS] = "Progress by level",
	[MSG_APPENDIX] = "Appendix: every answer and its evidence",
	[MSG_GAP_REGISTER] = "Gap register",
};

static const char *const zh[MSG_COUNT] = {
	[MSG_REPORT_TITLE] = "C-RAF 2.0 成熟度差距报告",
	[MSG_INSTITUTION] = "机构",
	[MSG_ASSESSED] = "评估日期",
	[MSG_BY] = "评估人",
	[MSG_SCOPE] = "范围",
	[MSG_CATALOGUE] = "控制目录",
	[MSG_PRINCIPLES] = "项控制原则",
	[MSG_TARGET] = "目标",
	[MSG_FROM_EXPLICIT] = "答卷中指定",
	[MSG_FROM_INHERENT_RISK] = "由固有风险确定",
	[MSG_FROM_COMMAND_LINE] = "命令行指定",
	[MSG_OVERALL] = "整体成熟度",
	[MSG_DOMAINS] = "领域",
	[MSG_DOMAIN] = "领域",
	[MSG_ACHIEVED] = "已达到",
	[MSG_GAPS_AGAINST] = "与目标的差距",
	[MSG_NO_GAPS] = "没有差距：目标级别及以下的要求均已达到。",
	[MSG_ALL_LEVELS] = "所有级别",
	[MSG_STATUS] = "状态",
	[MSG_NOTE] = "说明",
	[MSG_EVIDENCE] = "证据",
	[MSG_REMEDIATION] = "整改",
	[MSG_DUE] = "截止",
	[MSG_OVERDUE] = "已逾期",
	[MSG_EXPIRES] = "到期",
	[MSG_EXPIRED] = "已过期",
	[MSG_HELPS] = "腾讯云",
	[MSG_RESPONSIBILITY] = "责任归属",
	[MSG_SUMMARY_GAPS] = "项差距",
	[MSG_SUMMARY_UNANSWERED] = "项未作答",
	[MSG_SUMMARY_OVERDUE] = "项整改已逾期",
	[MSG_NONE_LEVEL] = "未达基线",
	[MSG_LEVEL_BASELINE] = "基线",
	[MSG_LEVEL_INTERMEDIATE] = "中级",
	[MSG_LEVEL_ADVANCED] = "高级",
	[MSG_RISK_LOW] = "低",
	[MSG_RISK_MEDIUM] = "中",
	[MSG_RISK_HIGH] = "高",
	[MSG_RESP_CUSTOMER] = "客户（认可机构）",
	[MSG_RESP_SHARED] = "共担（认可机构与腾讯云）",
	[MSG_RESP_PROVIDER] = "云服务商（腾讯云，可继承）",
	[MSG_ST_UNANSWERED] = "未作答",
	[MSG_ST_MET] = "已满足",
	[MSG_ST_COMPENSATING] = "补偿性控制",
	[MSG_ST_NOT_APPLICABLE] = "不适用",
	[MSG_ST_INHERITED] = "继承自云服务商",
	[MSG_ST_PARTIAL] = "部分满足",
	[MSG_ST_NOT_MET] = "未满足",
	[MSG_ST_RISK_ACCEPTED] = "接受风险",
	[MSG_MEETS_TARGET] = "达到目标",
	[MSG_BELOW_TARGET] = "低于目标",
	[MSG_SHIPPED_NOTE] = "内置控制目录依据腾讯云合规指南概述 C-RAF 2.0，"
			     "并非金管局的完整矩阵（可用 --catalogue 载入）。",
	[MSG_BUILTIN] = "内置",
	[MSG_RISK_ACCEPTED_LABEL] = "接受风险",
	[MSG_CAT_REQUIREMENTS] = "项要求",
	[MSG_CAT_LEGEND] = "级别：B 基线，I 中级，A 高级；* 适用于所有级别的单一要求",
	[MSG_CAT_COMPONENT] = "组成部分",
	[MSG_CAT_LEVELS] = "级别",
	[MSG_CAT_ADDS_TO] = "在此基础上增加",
	[MSG_CAT_RESPONSE] = "腾讯云的应对",
	[MSG_CAT_PRODUCTS] = "可提供帮助的产品",
	[MSG_CAT_CUSTOMER] = "认可机构的做法",
	[MSG_CAT_PROVIDER] = "腾讯云自身的控制（可继承）",
	[MSG_CAT_CERTIFICATIONS] = "认证与报告",
	[MSG_CAT_HELPS_WITH] = "适用的控制原则",
	[MSG_CAT_CATEGORY] = "类别",
	[MSG_CAT_NO_PRINCIPLES] = "没有符合条件的控制原则。",
	[MSG_CAT_NONE] = "无",
	[MSG_CAT_AREA] = "安全领域",
	[MSG_REQUIREMENT] = "要求",
	[MSG_LEVEL] = "级别",
	[MSG_PROGRESS] = "各级别进度",
	[MSG_APPENDIX] = "附录：全部答复及证据",
	[MSG_GAP_REGISTER] = "差距登记册",
};

int lang_parse(const char *s, enum lang *out)
{
	if (!strcmp(s, "en"))
		*out = LANG_EN;
	else if (!strcmp(s, "zh"))
		*out = LANG_ZH;
	else
		return -1;
	return 0;
}

const char *lang_name(enum lang l)
{
	return l == LANG_ZH ? "zh" : "en";
}

const char *text_get(const struct text *t, enum lang lang)
{
	if (lang == LANG_ZH && t->zh && *t->zh)
		return t->zh;
	return t->en ? t->en : "";
}

const char *msg(enum lang lang, enum msg id)
{
	const char *s = lang == LANG_ZH ? zh[id] : en[id];

	return s ? s : en[id];
}
