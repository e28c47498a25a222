CREATE SCHEMA IF NOT EXISTS mg_reporting;
CREATE TABLE mg_reporting.totals AS SELECT 1 AS n;
