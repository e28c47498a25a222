CREATE TABLE IF NOT EXISTS mg_profiles (_id text PRIMARY IDENTITY NAMESPACE 'ECID', identityMap MAP<text, ARRAY<ROW(id text, authenticatedState text, `primary` boolean)>>) WITH (LABEL='PROFILE');
