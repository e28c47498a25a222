CREATE TABLE IF NOT EXISTS mg_page_report ("Page" text, "Views" bigint);
DROP TABLE mg_page_report;
