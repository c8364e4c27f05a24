/* The report's fixed words in each language craf speaks. */
#include "i18n.h"

#include <stdlib.h>
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
	[MSG_SHIPPED_NOTE] =
		"The built-in catalogue summarises C-RAF 2.0 from Tencent Cloud's compliance guide; it is not the HKMA's full matrix (load that with --catalogue).",
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
	[MSG_DIFF_TITLE] = "C-RAF 2.0 assessment comparison",
	[MSG_DIFF_OLD] = "Old",
	[MSG_DIFF_NEW] = "New",
	[MSG_DIFF_REGRESSIONS] = "Regressions",
	[MSG_DIFF_CLOSED] = "Closed gaps",
	[MSG_DIFF_STILL_OPEN] = "Still open",
	[MSG_DIFF_NEW_GAPS] = "New gaps from a raised target",
	[MSG_DIFF_STATUS_CHANGES] = "Status changes without a change in achievement",
	[MSG_DIFF_REMEDIATION_DUE] = "Remediation due by",
	[MSG_DIFF_ONLY_NEW] = "Only in the new catalogue",
	[MSG_DIFF_ONLY_OLD] = "Only in the old catalogue",
	[MSG_DIFF_CAT_SAME] = "Catalogue: the same on both sides",
	[MSG_DIFF_CAT_CHANGED] =
		"Catalogue changed; requirements only on one side are listed here and not counted as regressions",
	[MSG_DIFF_VERDICT] = "closed, regressed, still open, new from a raised target",
	[MSG_TREND_TITLE] = "C-RAF 2.0 maturity trend",
	[MSG_TREND_CYCLES] = "assessments",
	[MSG_GAPS_LABEL] = "Gaps",
	[MSG_OVERDUE_LABEL] = "Overdue remediations",
	[MSG_EXPIRED_SECTION] = "Expired risk acceptances",
	[MSG_SUMMARY_EXPIRED] = "expired risk acceptances",
	[MSG_STALE_SECTION] = "Stale evidence",
	[MSG_STALE_OLDER] = "dated more than",
	[MSG_MONTHS] = "months before the assessment date",
	[MSG_SUMMARY_STALE] = "stale evidence files",
	[MSG_EVIDENCE_FILES] = "Evidence files",
	[MSG_EVIDENCE_APPENDIX] = "Evidence files and their SHA-256",
	[MSG_FILE] = "File",
	[MSG_DATE] = "Date",
	[MSG_TITLE] = "Title",
	[MSG_SIZE] = "Bytes",
	[MSG_STALE] = "stale",
	[MSG_INHERENT_RISK] = "Inherent risk",
	[MSG_ICAST_REQUIRED] = "iCAST required",
	[MSG_ICAST_NOT_REQUIRED] = "iCAST not required",
	[MSG_RISK_STATED] = "stated in the answers file",
	[MSG_RISK_OVERRIDE] = "override of the computed",
	[MSG_RISK_INDICATORS] = "indicators, majority rule",
	[MSG_RISK_COMPUTED] = "Computed",
	[MSG_RISK_JUSTIFICATION] = "Justification",
	[MSG_RISK_CATEGORY] = "Category",
	[MSG_RISK_RATING] = "Rating",
	[MSG_RISK_TITLE] = "C-RAF 2.0 inherent risk",
	[MSG_RISK_COUNTS] = "Counts",
	[MSG_RISK_RULE] = "Rule",
	[MSG_RISK_RULE_TEXT] =
		"majority: the rating given to the most indicators, the higher on a tie",
	[MSG_RISK_OVERRIDE_LABEL] = "Override",
	[MSG_ICAST_REQUIRED_TEXT] =
		"required: medium and high institutions run intelligence-led cyber attack simulation testing",
	[MSG_ICAST_NOT_TEXT] = "not required at a low rating",
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
	[MSG_SHIPPED_NOTE] =
		"内置控制目录依据腾讯云合规指南概述 C-RAF 2.0，并非金管局的完整矩阵（可用 --catalogue 载入）。",
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
	[MSG_DIFF_TITLE] = "C-RAF 2.0 评估对比",
	[MSG_DIFF_OLD] = "上次",
	[MSG_DIFF_NEW] = "本次",
	[MSG_DIFF_REGRESSIONS] = "退步",
	[MSG_DIFF_CLOSED] = "已弥补的差距",
	[MSG_DIFF_STILL_OPEN] = "仍未弥补",
	[MSG_DIFF_NEW_GAPS] = "因目标提高而新增的差距",
	[MSG_DIFF_STATUS_CHANGES] = "状态变化但达成情况不变",
	[MSG_DIFF_REMEDIATION_DUE] = "截至以下日期应完成的整改",
	[MSG_DIFF_ONLY_NEW] = "仅见于新控制目录",
	[MSG_DIFF_ONLY_OLD] = "仅见于旧控制目录",
	[MSG_DIFF_CAT_SAME] = "控制目录：两次相同",
	[MSG_DIFF_CAT_CHANGED] = "控制目录有变化；仅见于一方的要求列于此处，不计为退步",
	[MSG_DIFF_VERDICT] = "已弥补、退步、仍未弥补、因目标提高而新增",
	[MSG_TREND_TITLE] = "C-RAF 2.0 成熟度趋势",
	[MSG_TREND_CYCLES] = "次评估",
	[MSG_GAPS_LABEL] = "差距",
	[MSG_OVERDUE_LABEL] = "逾期整改",
	[MSG_EXPIRED_SECTION] = "已过期的风险接受",
	[MSG_SUMMARY_EXPIRED] = "项风险接受已过期",
	[MSG_STALE_SECTION] = "过时证据",
	[MSG_STALE_OLDER] = "日期早于评估日期超过",
	[MSG_MONTHS] = "个月",
	[MSG_SUMMARY_STALE] = "份证据已过时",
	[MSG_EVIDENCE_FILES] = "证据文件",
	[MSG_EVIDENCE_APPENDIX] = "证据文件及其 SHA-256",
	[MSG_FILE] = "文件",
	[MSG_DATE] = "日期",
	[MSG_TITLE] = "标题",
	[MSG_SIZE] = "字节",
	[MSG_STALE] = "已过时",
	[MSG_INHERENT_RISK] = "固有风险",
	[MSG_ICAST_REQUIRED] = "须进行 iCAST",
	[MSG_ICAST_NOT_REQUIRED] = "无须进行 iCAST",
	[MSG_RISK_STATED] = "答卷中直接给出",
	[MSG_RISK_OVERRIDE] = "覆盖计算所得评级",
	[MSG_RISK_INDICATORS] = "项指标，多数决",
	[MSG_RISK_COMPUTED] = "计算所得",
	[MSG_RISK_JUSTIFICATION] = "理由",
	[MSG_RISK_CATEGORY] = "类别",
	[MSG_RISK_RATING] = "评级",
	[MSG_RISK_TITLE] = "C-RAF 2.0 固有风险",
	[MSG_RISK_COUNTS] = "各评级数目",
	[MSG_RISK_RULE] = "规则",
	[MSG_RISK_RULE_TEXT] = "多数决：取获评最多的评级，票数相同时取较高者",
	[MSG_RISK_OVERRIDE_LABEL] = "覆盖",
	[MSG_ICAST_REQUIRED_TEXT] =
		"需要：固有风险为中或高的认可机构须进行情报主导的网络攻击模拟测试",
	[MSG_ICAST_NOT_TEXT] = "固有风险为低时无须进行",
};

int lang_parse(const char *s, enum lang *out)
{
	if (!strcmp(s, "en"))
		*out = LANG_EN;
	else if (!strcmp(s, "zh") || !strcmp(s, "zh-Hans"))
		*out = LANG_ZH;
	else if (!strcmp(s, "zh-Hant") || !strcmp(s, "zh-HK") || !strcmp(s, "zh-TW"))
		*out = LANG_ZH_HANT;
	else
		return -1;
	return 0;
}

enum lang lang_from_locale(const char *v)
{
	if (!v)
		return LANG_EN;
	if (!strncmp(v, "zh_HK", 5) || !strncmp(v, "zh_TW", 5) || !strncmp(v, "zh_MO", 5))
		return LANG_ZH_HANT;
	if (!strncmp(v, "zh", 2))
		return LANG_ZH;
	return LANG_EN;
}

const char *lang_name(enum lang l)
{
	return l == LANG_ZH_HANT ? "zh-Hant" : l == LANG_ZH ? "zh" : "en";
}

const char *text_get(const struct text *t, enum lang lang)
{
	if (lang != LANG_EN && t->zh && *t->zh)
		return t->zh;
	return t->en ? t->en : "";
}

const char *msg(enum lang lang, enum msg id)
{
	const char *s = lang != LANG_EN ? zh[id] : en[id];

	return s ? s : en[id];
}

/* English words after a count of one, where they differ from the plural. */
static const char *const en_one[MSG_COUNT] = {
	[MSG_PRINCIPLES] = "principle",
	[MSG_SUMMARY_GAPS] = "gap",
	[MSG_CAT_REQUIREMENTS] = "requirement",
	[MSG_TREND_CYCLES] = "assessment",
	[MSG_SUMMARY_EXPIRED] = "expired risk acceptance",
	[MSG_SUMMARY_STALE] = "stale evidence file",
	[MSG_RISK_INDICATORS] = "indicator, majority rule",
};

const char *msg_n(enum lang lang, enum msg id, size_t n)
{
	if (lang == LANG_EN && n == 1 && en_one[id])
		return en_one[id];
	return msg(lang, id);
}

const char *msg_raw(enum lang lang, enum msg id)
{
	return lang == LANG_EN ? en[id] : zh[id];
}
