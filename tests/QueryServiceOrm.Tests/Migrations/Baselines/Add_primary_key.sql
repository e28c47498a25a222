CREATE TABLE IF NOT EXISTS mg_page_report (Page text, Views bigint);
ALTER TABLE mg_page_report ADD CONSTRAINT PRIMARY KEY (Page) NAMESPACE 'Email';
