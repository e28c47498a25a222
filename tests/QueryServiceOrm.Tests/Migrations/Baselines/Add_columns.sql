CREATE TABLE IF NOT EXISTS mg_page_report (Page text, Views bigint);
ALTER TABLE mg_page_report ADD COLUMN Browser varchar(40);
ALTER TABLE mg_page_report ADD COLUMN Sessions bigint;
ALTER TABLE mg_page_report ADD COLUMN Pages integer;
ALTER TABLE mg_page_report ADD COLUMN Tabs smallint;
ALTER TABLE mg_page_report ADD COLUMN Rating tinyint;
ALTER TABLE mg_page_report ADD COLUMN Revenue double;
ALTER TABLE mg_page_report ADD COLUMN LastSeen datetime;
ALTER TABLE mg_page_report ADD COLUMN Day date;
