CREATE TABLE IF NOT EXISTS ef_migrations_history (MigrationId text, ProductVersion text);

CREATE TABLE IF NOT EXISTS mg_events (_id text, `timestamp` datetime, eventType text, web ROW(webPageDetails ROW(name text, URL text, pageViews ROW(value float)), webReferrer ROW(URL text)), commerce ROW(`order` ROW(purchaseID text, priceTotal float, currencyCode text), purchases ROW(value float), productViews ROW(value float)), productListItems ARRAY<ROW(SKU text, name text, quantity bigint, priceTotal float)>, environment ROW(browserDetails ROW(name text, version text)), _luma ROW(loyalty ROW(tier text, points bigint), reservedWordTest ROW(`order` text, `1stVisit` boolean)));

CREATE TABLE IF NOT EXISTS mg_profiles (_id text PRIMARY IDENTITY NAMESPACE 'ECID', person ROW(name ROW(firstName text, lastName text), birthDate date), personalEmail ROW(address text), identityMap MAP<text, ARRAY<ROW(id text, authenticatedState text, `primary` boolean)>>, _luma ROW(loyalty ROW(tier text, points bigint))) WITH (LABEL='PROFILE');

CREATE TABLE IF NOT EXISTS mg_page_report (Page text, Views bigint, Revenue float, LastSeen datetime, Day date);

INSERT INTO ef_migrations_history (MigrationId, ProductVersion) SELECT '20261122000001_CreateReporting', '10.0.14';

ALTER TABLE mg_page_report ADD COLUMN Browser varchar(40);

INSERT INTO ef_migrations_history (MigrationId, ProductVersion) SELECT '20261122000002_AddBrowser', '10.0.14';

CREATE TABLE mg_top_pages AS SELECT web.webPageDetails.name AS page, count(*) AS views FROM mg_events GROUP BY 1;

INSERT INTO ef_migrations_history (MigrationId, ProductVersion) SELECT '20261122000003_TopPages', '10.0.14';

INSERT INTO ef_migrations_history (MigrationId, ProductVersion) SELECT '20261122000004_Nothing', '10.0.14';
