/* The answers workbook's layout, shared by its writer and its reader. */
#include "answers_book.h"

#include <string.h>

#include "strbuf.h"

const struct book_column book_columns[BOOK_NCOLS] = {
	[BOOK_ID] = {"ID", false, 7},
	[BOOK_DOMAIN] = {"Domain", false, 12},
	[BOOK_PRINCIPLE] = {"Principle", false, 17},
	[BOOK_LEVEL] = {"Level", false, 11},
	[BOOK_REQUIREMENT] = {"Requirement", false, 46},
	[BOOK_STATUS] = {"Status", true, 14},
	[BOOK_EVIDENCE] = {"Evidence", true, 26},
	[BOOK_NOTE] = {"Note", true, 26},
	[BOOK_ACTION] = {"Remediation action", true, 22},
	[BOOK_OWNER] = {"Remediation owner", true, 13},
	[BOOK_DUE] = {"Remediation due", true, 12},
	[BOOK_EXPIRES] = {"Expires", true, 12},
};

const struct book_column book_risk_columns[BOOK_RISK_NCOLS] = {
	[BOOK_RISK_CATEGORY] = {"Category", true, 17},
	[BOOK_RISK_INDICATOR] = {"Indicator", true, 30},
	[BOOK_RISK_RATING] = {"Rating", true, 10},
	[BOOK_RISK_NOTE] = {"Note", true, 28},
	[BOOK_RISK_LOW] = {"Low looks like", false, 32},
	[BOOK_RISK_MEDIUM] = {"Medium looks like", false, 32},
	[BOOK_RISK_HIGH] = {"High looks like", false, 32},
};

const char *const book_fields[BOOK_NFIELDS] = {
	[BOOK_F_VERSION] = "Version",
	[BOOK_F_INSTITUTION] = "Institution",
	[BOOK_F_ASSESSMENT_DATE] = "Assessment date",
	[BOOK_F_ASSESSOR] = "Assessor",
	[BOOK_F_SCOPE] = "Scope",
	[BOOK_F_INHERENT_RISK] = "Inherent risk",
	[BOOK_F_TARGET] = "Target",
	[BOOK_F_OVERRIDE] = "Inherent risk override",
	[BOOK_F_JUSTIFICATION] = "Override justification",
};

const char *const book_field_keys[BOOK_NFIELDS] = {
	[BOOK_F_VERSION] = "version",
	[BOOK_F_INSTITUTION] = "institution",
	[BOOK_F_ASSESSMENT_DATE] = "assessment_date",
	[BOOK_F_ASSESSOR] = "assessor",
	[BOOK_F_SCOPE] = "scope",
	[BOOK_F_INHERENT_RISK] = "inherent_risk",
	[BOOK_F_TARGET] = "target",
	[BOOK_F_OVERRIDE] = "inherent_risk_override",
	[BOOK_F_JUSTIFICATION] = "override_justification",
};

void book_header_key(struct strbuf *sb, const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	bool gap = false;
	size_t start;

	if (nl)
		n = (size_t)(nl - s);
	strbuf_add(sb, "", 0);
	start = sb->len;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == ' ' || c == '_' || c == '-' || c == '\t' || c == '\r') {
			gap = sb->len > start;
			continue;
		}
		if (gap)
			strbuf_addc(sb, ' ');
		gap = false;
		strbuf_addc(sb, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
}
