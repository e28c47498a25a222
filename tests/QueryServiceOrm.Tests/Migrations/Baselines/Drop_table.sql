CREATE TABLE IF NOT EXISTS mg_page_report (Page text, Views bigint);
CREATE TABLE IF NOT EXISTS mg_keyed (Page text);
DROP TABLE mg_page_report;
