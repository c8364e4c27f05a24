/* Languages: bilingual catalogue text and the report's own words. */
#ifndef CRAF_I18N_H
#define CRAF_I18N_H

enum lang {
	LANG_EN,
	LANG_ZH,
};

/* A text in English and Simplified Chinese; zh may be NULL. */
struct text {
	const char *en;
	const char *zh;
};

/* Parses "en" or "zh"; returns -1 otherwise. */
int lang_parse(const char *s, enum lang *out);
const char *lang_name(enum lang l);
/* The text in lang, falling back to English; "" when both are missing. */
const char *text_get(const struct text *t, enum lang lang);

/* Words craf itself prints in reports. */
enum msg {
	MSG_REPORT_TITLE,
	MSG_INSTITUTION,
	MSG_ASSESSED,
	MSG_BY,
	MSG_SCOPE,
	MSG_CATALOGUE,
	MSG_PRINCIPLES,
	MSG_TARGET,
	MSG_FROM_EXPLICIT,
	MSG_FROM_INHERENT_RISK,
	MSG_FROM_COMMAND_LINE,
	MSG_OVERALL,
	MSG_DOMAINS,
	MSG_DOMAIN,
	MSG_ACHIEVED,
	MSG_GAPS_AGAINST,
	MSG_NO_GAPS,
	MSG_ALL_LEVELS,
	MSG_STATUS,
	MSG_NOTE,
	MSG_EVIDENCE,
	MSG_REMEDIATION,
	MSG_DUE,
	MSG_OVERDUE,
	MSG_EXPIRES,
	MSG_EXPIRED,
	MSG_HELPS,
	MSG_RESPONSIBILITY,
	MSG_SUMMARY_GAPS,
	MSG_SUMMARY_UNANSWERED,
	MSG_SUMMARY_OVERDUE,
	MSG_NONE_LEVEL,
	MSG_LEVEL_BASELINE,
	MSG_LEVEL_INTERMEDIATE,
	MSG_LEVEL_ADVANCED,
	MSG_RISK_LOW,
	MSG_RISK_MEDIUM,
	MSG_RISK_HIGH,
	MSG_RESP_CUSTOMER,
	MSG_RESP_SHARED,
	MSG_RESP_PROVIDER,
	MSG_ST_UNANSWERED,
	MSG_ST_MET,
	MSG_ST_COMPENSATING,
	MSG_ST_NOT_APPLICABLE,
	MSG_ST_INHERITED,
	MSG_ST_PARTIAL,
	MSG_ST_NOT_MET,
	MSG_ST_RISK_ACCEPTED,
	MSG_MEETS_TARGET,
	MSG_BELOW_TARGET,
	MSG_SHIPPED_NOTE,
	MSG_BUILTIN,
	MSG_RISK_ACCEPTED_LABEL,
	MSG_COUNT
};

const char *msg(enum lang lang, enum msg id);

#endif
