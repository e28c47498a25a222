-- The front's run-time library: Spark SQL's functions with Spark's semantics, for what PostgreSQL lacks or does differently.
-- Installed once per sandbox, as the superuser, in a schema the Query Service user may only use. Values that do not convert are
-- NULL (Spark's default, non-ANSI casts); domain errors are NaN, not exceptions (Java's Math).

CREATE SCHEMA qsorm_spark;
CREATE EXTENSION fuzzystrmatch SCHEMA qsorm_spark;
CREATE EXTENSION pgcrypto SCHEMA qsorm_spark;

-- A typed literal (DATE '...', TIMESTAMP '...') that does not parse is a syntax error in Spark, not a NULL.
CREATE FUNCTION qsorm_spark.checked(v anyelement, message text) RETURNS anyelement LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF v IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '42601', MESSAGE = message;
  END IF;
  RETURN v;
END $$;

-- Casts from strings, as Spark's Cast reads them.
CREATE FUNCTION qsorm_spark.to_boolean(s text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE lower(btrim(s)) WHEN 't' THEN TRUE WHEN 'true' THEN TRUE WHEN 'y' THEN TRUE WHEN 'yes' THEN TRUE WHEN '1' THEN TRUE
                              WHEN 'f' THEN FALSE WHEN 'false' THEN FALSE WHEN 'n' THEN FALSE WHEN 'no' THEN FALSE WHEN '0' THEN FALSE END $$;

-- '12', ' 12 ', '-3', '1.9' (truncated to 1); out of the target type's range or not a number: NULL.
CREATE FUNCTION qsorm_spark.to_integral(s text, type_name text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  m text[] := regexp_match(btrim(s, E' \t\n\r'), '^([+-]?\d+)(?:\.\d*)?$');
  v numeric;
BEGIN
  IF m IS NULL THEN
    RETURN NULL;
  END IF;
  v := m[1]::numeric;
  IF (type_name = 'integer' AND v NOT BETWEEN -2147483648 AND 2147483647)
     OR (type_name = 'smallint' AND v NOT BETWEEN -32768 AND 32767)
     OR (type_name = 'bigint' AND v NOT BETWEEN -9223372036854775808 AND 9223372036854775807) THEN
    RETURN NULL;
  END IF;
  RETURN v::bigint;
END $$;

CREATE FUNCTION qsorm_spark.to_double(s text) RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  t text := lower(btrim(s, E' \t\n\r'));
BEGIN
  t := regexp_replace(t, '[df]$', '');
  IF t IN ('infinity', '+infinity', 'inf', '+inf') THEN RETURN 'Infinity'; END IF;
  IF t IN ('-infinity', '-inf') THEN RETURN '-Infinity'; END IF;
  IF t = 'nan' THEN RETURN 'NaN'; END IF;
  IF t !~ '^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$' THEN RETURN NULL; END IF;
  RETURN t::double precision;
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

CREATE FUNCTION qsorm_spark.to_decimal(s text) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  t text := btrim(s, E' \t\n\r');
BEGIN
  IF t !~* '^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$' THEN RETURN NULL; END IF;
  RETURN t::numeric;
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- A decimal rounded HALF_UP to its scale; NULL when it does not fit the precision (Spark's non-ANSI overflow).
CREATE FUNCTION qsorm_spark.to_decimal_checked(v numeric, p integer, s integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN NULL WHEN abs(round(v, s)) >= power(10::numeric, p - s) THEN NULL ELSE round(v, s) END $$;

-- Java's (long) and (int) casts: truncation, NaN as 0, saturation at the type's bounds.
CREATE FUNCTION qsorm_spark.double_to_integral(v double precision, type_name text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN NULL WHEN v = 'NaN' THEN 0
    ELSE greatest(least(trunc(v)::numeric,
      CASE type_name WHEN 'integer' THEN 2147483647 WHEN 'smallint' THEN 32767 ELSE 9223372036854775807 END),
      CASE type_name WHEN 'integer' THEN -2147483648 WHEN 'smallint' THEN -32768 ELSE -9223372036854775808 END)::bigint END $$;

-- yyyy, yyyy-[m]m, yyyy-[m]m-[d]d, with anything after a T or a space ignored; else NULL.
CREATE FUNCTION qsorm_spark.to_date(s text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  m text[] := regexp_match(btrim(s, E' \t\n\r'), '^([+-]?\d{4,5})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ].*)?)?)?$');
BEGIN
  IF m IS NULL THEN RETURN NULL; END IF;
  RETURN make_date(m[1]::integer, coalesce(m[2], '1')::integer, coalesce(m[3], '1')::integer);
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- yyyy[-mm[-dd[ |T]hh:mm[:ss[.fraction]][zone]]], the zone Z, +hh:mm, or a region id; the result in UTC; else NULL.
CREATE FUNCTION qsorm_spark.to_timestamp(s text) RETURNS timestamp LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  m text[] := regexp_match(btrim(s, E' \t\n\r'),
    '^([+-]?\d{4,5})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z][A-Za-z0-9_/+-]*)?)?)?$');
  t timestamp;
  offset_parts text[];
BEGIN
  IF m IS NULL THEN RETURN NULL; END IF;
  t := make_timestamp(m[1]::integer, coalesce(m[2], '1')::integer, coalesce(m[3], '1')::integer,
                      coalesce(m[4], '0')::integer, coalesce(m[5], '0')::integer,
                      coalesce(m[6], '0')::integer + ('0.' || coalesce(left(m[7], 6), '0'))::double precision);
  IF m[8] IS NULL OR m[8] IN ('Z', 'UTC') THEN
    RETURN t;
  END IF;
  offset_parts := regexp_match(m[8], '^([+-])(\d{1,2}):?(\d{2})?$');
  IF offset_parts IS NOT NULL THEN
    RETURN t - (CASE offset_parts[1] WHEN '-' THEN -1 ELSE 1 END)
               * make_interval(hours => offset_parts[2]::integer, mins => coalesce(offset_parts[3], '0')::integer);
  END IF;
  RETURN (t AT TIME ZONE m[8]) AT TIME ZONE 'UTC';
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- to_timestamp(text, pattern) with the pattern already in PostgreSQL's letters; what does not parse is NULL.
CREATE FUNCTION qsorm_spark.parse_timestamp(s text, pattern text) RETURNS timestamp LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN to_timestamp(s, pattern) AT TIME ZONE 'UTC';
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- Java's Double.toString and Float.toString: the shortest digits that round-trip, plain between 1e-3 and 1e7 with at least
-- one decimal ("1.0", "0.001"), scientific outside ("1.0E7", "1.234E-5").
CREATE FUNCTION qsorm_spark.double_to_string(v double precision, is_float boolean) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  t text;
  m text[];
  digits text;
  exponent integer;
  sign text;
  point integer;
BEGIN
  IF v IS NULL THEN RETURN NULL; END IF;
  IF v = 'NaN' THEN RETURN 'NaN'; END IF;
  IF v = 'Infinity' THEN RETURN 'Infinity'; END IF;
  IF v = '-Infinity' THEN RETURN '-Infinity'; END IF;
  t := CASE WHEN is_float THEN (v::real)::text ELSE v::text END;
  IF t IN ('0', '-0') THEN RETURN t || '.0'; END IF;
  m := regexp_match(t, '^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$');
  sign := m[1];
  digits := m[2] || coalesce(m[3], '');
  -- value = 0.<digits> * 10^exponent
  exponent := length(m[2]) + coalesce(m[4]::integer, 0);
  WHILE left(digits, 1) = '0' AND length(digits) > 1 LOOP
    digits := substr(digits, 2);
    exponent := exponent - 1;
  END LOOP;
  digits := rtrim(digits, '0');
  IF digits = '' THEN digits := '0'; END IF;
  IF exponent > -3 AND exponent <= 7 THEN
    IF exponent <= 0 THEN
      RETURN sign || '0.' || repeat('0', -exponent) || digits;
    END IF;
    point := exponent;
    IF length(digits) <= point THEN
      RETURN sign || rpad(digits, point, '0') || '.0';
    END IF;
    RETURN sign || left(digits, point) || '.' || substr(digits, point + 1);
  END IF;
  RETURN sign || left(digits, 1) || '.' || coalesce(NULLIF(substr(digits, 2), ''), '0') || 'E' || (exponent - 1)::text;
END $$;

-- Strings.
CREATE FUNCTION qsorm_spark.chr(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN n IS NULL THEN NULL WHEN n < 0 OR n % 256 = 0 THEN '' ELSE chr((n % 256)::integer) END $$;

CREATE FUNCTION qsorm_spark.charset(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE upper(replace(name, '_', '-')) WHEN 'UTF-8' THEN 'UTF8' WHEN 'UTF8' THEN 'UTF8' WHEN 'US-ASCII' THEN 'SQL_ASCII'
    WHEN 'ISO-8859-1' THEN 'LATIN1' WHEN 'LATIN1' THEN 'LATIN1' ELSE name END $$;

CREATE FUNCTION qsorm_spark.unbase64(s text) RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN decode(s, 'base64');
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

CREATE FUNCTION qsorm_spark.unhex(s text) RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN decode(CASE WHEN length(s) % 2 = 1 THEN '0' || s ELSE s END, 'hex');
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

CREATE FUNCTION qsorm_spark.find_in_set(s text, list text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s IS NULL OR list IS NULL THEN NULL WHEN strpos(s, ',') > 0 THEN 0
    ELSE coalesce(array_position(string_to_array(list, ','), s), 0) END $$;

CREATE FUNCTION qsorm_spark.format_number(v numeric, d integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN d < 0 THEN NULL
    ELSE to_char(round(v, d), 'FM' || repeat('999G', 9) || '990' || CASE WHEN d > 0 THEN 'D' || repeat('0', d) ELSE '' END) END $$;

-- A DecimalFormat pattern (#, 0, comma, point) as to_char's.
CREATE FUNCTION qsorm_spark.format_number_pattern(v numeric, pattern text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT rtrim(to_char(v, 'FM' || translate(pattern, '#,.', '9GD')), '.') $$;

CREATE FUNCTION qsorm_spark.initcap(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT array_to_string(ARRAY(SELECT upper(left(w, 1)) || lower(substr(w, 2))
    FROM unnest(string_to_array(s, ' ')) WITH ORDINALITY AS u(w, o) ORDER BY o), ' ') $$;

CREATE FUNCTION qsorm_spark.levenshtein_within(a text, b text, threshold integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN qsorm_spark.levenshtein(a, b) <= threshold THEN qsorm_spark.levenshtein(a, b) ELSE -1 END $$;

CREATE FUNCTION qsorm_spark.locate(sub text, s text, pos integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN sub IS NULL OR s IS NULL THEN NULL WHEN pos IS NULL OR pos < 1 THEN 0
    WHEN strpos(substr(s, pos), sub) = 0 THEN 0 ELSE strpos(substr(s, pos), sub) + pos - 1 END $$;

CREATE FUNCTION qsorm_spark.mask(s text, upper_char text, lower_char text, digit_char text, other_char text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(CASE WHEN c ~ '[A-Z]' AND upper_char IS NOT NULL THEN left(upper_char, 1)
                         WHEN c ~ '[a-z]' AND lower_char IS NOT NULL THEN left(lower_char, 1)
                         WHEN c ~ '[0-9]' AND digit_char IS NOT NULL THEN left(digit_char, 1)
                         WHEN c !~ '[A-Za-z0-9]' AND other_char IS NOT NULL THEN left(other_char, 1)
                         ELSE c END, '' ORDER BY o)
  FROM unnest(regexp_split_to_array(s, '')) WITH ORDINALITY AS u(c, o) $$;

CREATE FUNCTION qsorm_spark.overlay(s text, replacement text, pos integer, len integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT overlay(s PLACING replacement FROM pos FOR CASE WHEN len < 0 THEN char_length(replacement) ELSE len END) $$;

-- Spark's substr: 1-based, 0 taken as 1, negative counting from the end, a negative length giving ''.
CREATE FUNCTION qsorm_spark.substr(s text, pos integer, len integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s IS NULL OR pos IS NULL OR len IS NULL THEN NULL ELSE (
    SELECT CASE WHEN greatest(b.start, 0) >= least(b.start::bigint + len, 2147483647) THEN ''
                ELSE substring(s FROM greatest(b.start, 0) + 1 FOR (least(b.start::bigint + len, b.n) - greatest(b.start, 0))::integer) END
    FROM (SELECT char_length(s) AS n, CASE WHEN pos > 0 THEN pos - 1 WHEN pos < 0 THEN char_length(s) + pos ELSE 0 END AS start) AS b) END $$;

CREATE FUNCTION qsorm_spark.substr_binary(s bytea, pos integer, len integer) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s IS NULL OR pos IS NULL OR len IS NULL THEN NULL ELSE (
    SELECT CASE WHEN greatest(b.start, 0) >= least(b.start::bigint + len, 2147483647) THEN ''::bytea
                ELSE substring(s FROM greatest(b.start, 0) + 1 FOR (least(b.start::bigint + len, b.n) - greatest(b.start, 0))::integer) END
    FROM (SELECT length(s) AS n, CASE WHEN pos > 0 THEN pos - 1 WHEN pos < 0 THEN length(s) + pos ELSE 0 END AS start) AS b) END $$;

CREATE FUNCTION qsorm_spark.substring_index(s text, delim text, count integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s IS NULL OR delim IS NULL OR count IS NULL THEN NULL WHEN delim = '' OR count = 0 THEN ''
    WHEN count > 0 THEN array_to_string((string_to_array(s, delim))[1:count], delim)
    ELSE array_to_string((string_to_array(s, delim))[greatest(cardinality(string_to_array(s, delim)) + count + 1, 1):], delim) END $$;

-- Regular expressions: a pattern wrapped in a group of its own, so that group 0 is the whole match (embedded options first).
CREATE FUNCTION qsorm_spark.whole_group(re text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN re ~ '^\(\?[a-z]+\)' THEN substring(re FROM '^\(\?[a-z]+\)') || '(' || regexp_replace(re, '^\(\?[a-z]+\)', '') || ')'
    ELSE '(' || re || ')' END $$;

CREATE FUNCTION qsorm_spark.regexp_extract(s text, re text, idx integer) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  m text[];
BEGIN
  IF s IS NULL OR re IS NULL OR idx IS NULL THEN RETURN NULL; END IF;
  m := regexp_match(s, qsorm_spark.whole_group(re));
  IF m IS NULL THEN RETURN ''; END IF;
  IF idx < 0 OR idx + 1 > cardinality(m) THEN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('Regex group count is %s, but the specified group index is %s', cardinality(m) - 1, idx);
  END IF;
  RETURN coalesce(m[idx + 1], '');
END $$;

CREATE FUNCTION qsorm_spark.regexp_extract_all(s text, re text, idx integer) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s IS NULL OR re IS NULL THEN NULL ELSE
    ARRAY(SELECT coalesce(m[idx + 1], '') FROM regexp_matches(s, qsorm_spark.whole_group(re), 'g') AS m) END $$;

CREATE FUNCTION qsorm_spark.regexp_replace(s text, re text, replacement text, pos integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN pos <= 1 THEN regexp_replace(s, re, replacement, 'g')
    ELSE left(s, pos - 1) || regexp_replace(substr(s, pos), re, replacement, 'g') END $$;

-- A Java replacement computed at run time: $n groups as \n.
CREATE FUNCTION qsorm_spark.java_replacement(r text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(replace(r, '\', '\\'), '\$(\d)', '\\\1', 'g') $$;

-- split(str, regex, limit): at most limit parts when limit > 0, the last holding the rest.
CREATE FUNCTION qsorm_spark.split(s text, re text, lim integer) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s IS NULL OR re IS NULL THEN NULL
    WHEN lim <= 0 OR cardinality(regexp_split_to_array(s, re)) <= lim THEN regexp_split_to_array(s, re)
    WHEN lim = 1 THEN ARRAY[s]
    ELSE (regexp_split_to_array(s, re))[1:lim - 1] || substr(s, regexp_instr(s, re, 1, lim - 1, 1)) END $$;

CREATE FUNCTION qsorm_spark.str_to_map(s text, pair_delim text, key_delim text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s IS NULL THEN NULL ELSE coalesce((
    SELECT jsonb_object_agg(CASE WHEN regexp_instr(p, key_delim) > 0 THEN left(p, regexp_instr(p, key_delim) - 1) ELSE p END,
                            CASE WHEN regexp_instr(p, key_delim) > 0 THEN to_jsonb(substr(p, regexp_instr(p, key_delim, 1, 1, 1))) ELSE 'null'::jsonb END)
    FROM unnest(regexp_split_to_array(s, pair_delim)) AS p), '{}'::jsonb) END $$;

-- Math with Java's semantics: NaN outside a function's domain, NULL for the logarithm of a non-positive number.
CREATE FUNCTION qsorm_spark.acos(x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x BETWEEN -1 AND 1 THEN acos(x) WHEN x IS NULL THEN NULL ELSE 'NaN' END $$;
CREATE FUNCTION qsorm_spark.asin(x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x BETWEEN -1 AND 1 THEN asin(x) WHEN x IS NULL THEN NULL ELSE 'NaN' END $$;
CREATE FUNCTION qsorm_spark.acosh(x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x >= 1 THEN acosh(x) WHEN x IS NULL THEN NULL ELSE 'NaN' END $$;
CREATE FUNCTION qsorm_spark.atanh(x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x > -1 AND x < 1 THEN atanh(x) WHEN x = 1 THEN 'Infinity' WHEN x = -1 THEN '-Infinity' WHEN x IS NULL THEN NULL ELSE 'NaN' END $$;
CREATE FUNCTION qsorm_spark.sqrt(x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x >= 0 THEN sqrt(x) WHEN x IS NULL THEN NULL ELSE 'NaN' END $$;
CREATE FUNCTION qsorm_spark.cot(x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x = 0 THEN 'Infinity' ELSE 1 / tan(x) END $$;
CREATE FUNCTION qsorm_spark.sec(x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT 1 / cos(x) $$;
CREATE FUNCTION qsorm_spark.csc(x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x = 0 THEN 'Infinity' ELSE 1 / sin(x) END $$;
CREATE FUNCTION qsorm_spark.ln(x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x > 0 THEN ln(x) END $$;
CREATE FUNCTION qsorm_spark.log_base(b double precision, x double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x > 0 AND b > 0 AND b <> 1 THEN ln(x) / ln(b) END $$;

CREATE FUNCTION qsorm_spark.pow(a double precision, b double precision) RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN power(a, b);
EXCEPTION WHEN OTHERS THEN
  RETURN CASE WHEN a = 0 AND b < 0 THEN 'Infinity'::double precision WHEN abs(a) > 1 AND b > 0 THEN 'Infinity'::double precision ELSE 'NaN'::double precision END;
END $$;

-- Java's % on doubles (the dividend's sign); NULL for a zero divisor, as Spark's non-ANSI remainder.
CREATE FUNCTION qsorm_spark.fmod(x double precision, y double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN y = 0 THEN NULL WHEN x = 'NaN' OR y = 'NaN' OR x IN ('Infinity', '-Infinity') THEN 'NaN' ELSE x - trunc(x / y) * y END $$;

-- HALF_EVEN rounding (bround).
CREATE FUNCTION qsorm_spark.bround(x numeric, s integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT round(CASE WHEN abs(x * power(10::numeric, s) - trunc(x * power(10::numeric, s))) = 0.5
    THEN (trunc(x * power(10::numeric, s)) + CASE WHEN trunc(x * power(10::numeric, s)) % 2 = 0 THEN 0 ELSE sign(x) END) / power(10::numeric, s)
    ELSE round(x, s) END, greatest(s, 0)) $$;

CREATE FUNCTION qsorm_spark.ceil_scale(x numeric, s integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT round(ceil(x * power(10::numeric, s)) / power(10::numeric, s), greatest(s, 0)) $$;
CREATE FUNCTION qsorm_spark.floor_scale(x numeric, s integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT round(floor(x * power(10::numeric, s)) / power(10::numeric, s), greatest(s, 0)) $$;

CREATE FUNCTION qsorm_spark.bin(x bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x = 0 THEN '0' ELSE ltrim((x::bit(64))::text, '0') END $$;

CREATE FUNCTION qsorm_spark.bit_count(x bigint, bits integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT length(replace(CASE WHEN bits = 32 THEN (x::integer::bit(32))::text ELSE (x::bit(64))::text END, '0', '')) $$;

CREATE FUNCTION qsorm_spark.shiftrightunsigned(x bigint, n integer, bits integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN bits = 32 THEN ((x::integer::bit(32)) >> (n % 32))::integer::bigint ELSE ((x::bit(64)) >> (n % 64))::bigint END $$;

-- conv(number, from_base, to_base): Spark reads the digits as an unsigned 64-bit number; a negative to_base writes signed.
CREATE FUNCTION qsorm_spark.conv(s text, from_base integer, to_base integer) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  digits constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  v numeric := 0;
  negative boolean := false;
  c text;
  d integer;
  result text := '';
  base integer := abs(to_base);
BEGIN
  IF s IS NULL OR from_base IS NULL OR to_base IS NULL OR abs(from_base) NOT BETWEEN 2 AND 36 OR base NOT BETWEEN 2 AND 36 THEN RETURN NULL; END IF;
  s := upper(btrim(s));
  IF left(s, 1) = '-' THEN negative := true; s := substr(s, 2); END IF;
  FOREACH c IN ARRAY regexp_split_to_array(s, '') LOOP
    d := strpos(digits, c) - 1;
    EXIT WHEN d < 0 OR d >= abs(from_base);
    v := v * abs(from_base) + d;
  END LOOP;
  IF negative THEN
    v := CASE WHEN to_base < 0 THEN -v ELSE 18446744073709551616 - v END;
  END IF;
  IF v < 0 THEN RETURN '-' || qsorm_spark.conv((-v)::text, 10, base); END IF;
  IF v = 0 THEN RETURN '0'; END IF;
  WHILE v > 0 LOOP
    result := substr(digits, (v % base)::integer + 1, 1) || result;
    v := trunc(v / base);
  END LOOP;
  RETURN result;
END $$;

CREATE FUNCTION qsorm_spark.width_bucket(v double precision, low double precision, high double precision, n bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF n <= 0 OR low = high OR v = 'NaN' THEN RETURN NULL; END IF;
  RETURN width_bucket(v, low, high, n::integer);
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

CREATE FUNCTION qsorm_spark.crc32(b bytea) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  crc bigint := 4294967295;
  i integer;
  k integer;
BEGIN
  IF b IS NULL THEN RETURN NULL; END IF;
  FOR i IN 0 .. length(b) - 1 LOOP
    crc := crc # get_byte(b, i);
    FOR k IN 1 .. 8 LOOP
      crc := CASE WHEN crc & 1 = 1 THEN (crc >> 1) # 3988292384 ELSE crc >> 1 END;
    END LOOP;
  END LOOP;
  RETURN crc # 4294967295;
END $$;

CREATE FUNCTION qsorm_spark.sha2(b bytea, bits integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE bits WHEN 0 THEN encode(sha256(b), 'hex') WHEN 256 THEN encode(sha256(b), 'hex') WHEN 224 THEN encode(sha224(b), 'hex')
    WHEN 384 THEN encode(sha384(b), 'hex') WHEN 512 THEN encode(sha512(b), 'hex') END $$;

-- Dates and times (timestamps are UTC).
CREATE FUNCTION qsorm_spark.make_date(y integer, m integer, d integer) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN make_date(y, m, d);
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- Seconds may be 60 with no fraction: the next minute.
CREATE FUNCTION qsorm_spark.make_timestamp(y integer, mo integer, d integer, h integer, mi integer, sec double precision) RETURNS timestamp LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF sec = 60 THEN
    RETURN make_timestamp(y, mo, d, h, mi, 0) + INTERVAL '1 minute';
  END IF;
  RETURN make_timestamp(y, mo, d, h, mi, sec);
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

CREATE FUNCTION qsorm_spark.date_trunc(unit text, t timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE upper(unit)
    WHEN 'YEAR' THEN date_trunc('year', t) WHEN 'YYYY' THEN date_trunc('year', t) WHEN 'YY' THEN date_trunc('year', t)
    WHEN 'QUARTER' THEN date_trunc('quarter', t)
    WHEN 'MONTH' THEN date_trunc('month', t) WHEN 'MM' THEN date_trunc('month', t) WHEN 'MON' THEN date_trunc('month', t)
    WHEN 'WEEK' THEN date_trunc('week', t)
    WHEN 'DAY' THEN date_trunc('day', t) WHEN 'DD' THEN date_trunc('day', t)
    WHEN 'HOUR' THEN date_trunc('hour', t) WHEN 'MINUTE' THEN date_trunc('minute', t) WHEN 'SECOND' THEN date_trunc('second', t)
    WHEN 'MILLISECOND' THEN date_trunc('milliseconds', t) WHEN 'MICROSECOND' THEN date_trunc('microseconds', t) END $$;

CREATE FUNCTION qsorm_spark.trunc_date(d date, unit text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE upper(unit)
    WHEN 'YEAR' THEN date_trunc('year', d)::date WHEN 'YYYY' THEN date_trunc('year', d)::date WHEN 'YY' THEN date_trunc('year', d)::date
    WHEN 'QUARTER' THEN date_trunc('quarter', d)::date
    WHEN 'MONTH' THEN date_trunc('month', d)::date WHEN 'MM' THEN date_trunc('month', d)::date WHEN 'MON' THEN date_trunc('month', d)::date
    WHEN 'WEEK' THEN date_trunc('week', d)::date END $$;

CREATE FUNCTION qsorm_spark.next_day(d date, day_of_week text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT d + ((w.target - extract(dow FROM d)::integer + 6) % 7 + 1)
  FROM (SELECT CASE upper(day_of_week)
      WHEN 'SU' THEN 0 WHEN 'SUN' THEN 0 WHEN 'SUNDAY' THEN 0 WHEN 'MO' THEN 1 WHEN 'MON' THEN 1 WHEN 'MONDAY' THEN 1
      WHEN 'TU' THEN 2 WHEN 'TUE' THEN 2 WHEN 'TUESDAY' THEN 2 WHEN 'WE' THEN 3 WHEN 'WED' THEN 3 WHEN 'WEDNESDAY' THEN 3
      WHEN 'TH' THEN 4 WHEN 'THU' THEN 4 WHEN 'THURSDAY' THEN 4 WHEN 'FR' THEN 5 WHEN 'FRI' THEN 5 WHEN 'FRIDAY' THEN 5
      WHEN 'SA' THEN 6 WHEN 'SAT' THEN 6 WHEN 'SATURDAY' THEN 6 END AS target) AS w $$;

-- Whole months when both days are the same day of the month or both the last; otherwise the difference over 31-day months.
CREATE FUNCTION qsorm_spark.months_between(a timestamp, b timestamp, round_off boolean) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN extract(day FROM a) = extract(day FROM b)
      OR (a::date = (date_trunc('month', a) + INTERVAL '1 month - 1 day')::date AND b::date = (date_trunc('month', b) + INTERVAL '1 month - 1 day')::date)
    THEN ((extract(year FROM a) - extract(year FROM b)) * 12 + extract(month FROM a) - extract(month FROM b))::double precision
    ELSE (SELECT CASE WHEN round_off THEN round(v::numeric, 8)::double precision ELSE v END
          FROM (SELECT ((extract(year FROM a) - extract(year FROM b)) * 12 + extract(month FROM a) - extract(month FROM b))::double precision
                  + ((extract(day FROM a) * 86400 + extract(epoch FROM a::time)) - (extract(day FROM b) * 86400 + extract(epoch FROM b::time)))::double precision / (31 * 86400) AS v) AS x)
  END $$;

CREATE FUNCTION qsorm_spark.timestampdiff(unit text, a timestamp, b timestamp) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE unit
    WHEN 'microsecond' THEN trunc(extract(epoch FROM b - a) * 1000000)::bigint
    WHEN 'millisecond' THEN trunc(extract(epoch FROM b - a) * 1000)::bigint
    WHEN 'second' THEN trunc(extract(epoch FROM b - a))::bigint
    WHEN 'minute' THEN trunc(extract(epoch FROM b - a) / 60)::bigint
    WHEN 'hour' THEN trunc(extract(epoch FROM b - a) / 3600)::bigint
    WHEN 'day' THEN trunc(extract(epoch FROM b - a) / 86400)::bigint
    WHEN 'week' THEN trunc(extract(epoch FROM b - a) / 604800)::bigint
    WHEN 'month' THEN (extract(year FROM age(b, a)) * 12 + extract(month FROM age(b, a)))::bigint
    WHEN 'quarter' THEN trunc((extract(year FROM age(b, a)) * 12 + extract(month FROM age(b, a))) / 3)::bigint
    WHEN 'year' THEN extract(year FROM age(b, a))::bigint END $$;

-- Arrays.
CREATE FUNCTION qsorm_spark.element_at(a anyarray, i integer) RETURNS anyelement LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF i = 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22003', MESSAGE = 'SQL array indices start at 1';
  END IF;
  RETURN CASE WHEN i > 0 THEN a[i] ELSE a[cardinality(a) + i + 1] END;
END $$;

CREATE FUNCTION qsorm_spark.try_element_at(a anyarray, i integer) RETURNS anyelement LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN i > 0 THEN a[i] WHEN i < 0 THEN a[cardinality(a) + i + 1] END $$;

CREATE FUNCTION qsorm_spark.slice(a anyarray, start integer, len integer) RETURNS anyarray LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  low integer;
BEGIN
  IF a IS NULL OR start IS NULL OR len IS NULL THEN RETURN NULL; END IF;
  IF start = 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22003', MESSAGE = 'Unexpected value for start in function slice: SQL array indices start at 1.';
  END IF;
  IF len < 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22003', MESSAGE = format('Unexpected value for length in function slice: length must be greater than or equal to 0, not %s.', len);
  END IF;
  low := CASE WHEN start > 0 THEN start ELSE coalesce(cardinality(a), 0) + start + 1 END;
  IF low < 1 THEN RETURN a[1:0]; END IF;
  RETURN a[low:low + len - 1];
END $$;

-- JSON: compact text as Spark writes it; what is not JSON reads as NULL.
CREATE FUNCTION qsorm_spark.try_jsonb(s text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN s::jsonb;
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- json, not jsonb: json keeps a struct's fields in their declared order, as Spark writes them; jsonb would sort them.
CREATE FUNCTION qsorm_spark.json_text(j json) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE json_typeof(j)
    WHEN 'object' THEN '{' || coalesce((SELECT string_agg(to_json(e.key)::text || ':' || qsorm_spark.json_text(e.value), ',' ORDER BY e.o)
                                        FROM json_each(j) WITH ORDINALITY AS e(key, value, o)), '') || '}'
    WHEN 'array' THEN '[' || coalesce((SELECT string_agg(qsorm_spark.json_text(e.value), ',' ORDER BY e.o)
                                       FROM json_array_elements(j) WITH ORDINALITY AS e(value, o)), '') || ']'
    ELSE j::text END $$;

CREATE FUNCTION qsorm_spark.json_text(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT qsorm_spark.json_text(j::json) $$;

-- A JSON value as get_json_object and json_tuple return it: a string without its quotes, anything else as JSON text.
CREATE FUNCTION qsorm_spark.json_value_text(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE jsonb_typeof(j) WHEN 'string' THEN j #>> '{}' WHEN 'null' THEN NULL ELSE qsorm_spark.json_text(j) END $$;

CREATE FUNCTION qsorm_spark.json_field(s text, field text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(qsorm_spark.try_jsonb(s)) = 'object' THEN qsorm_spark.json_value_text(qsorm_spark.try_jsonb(s) -> field) END $$;

-- Spark's JSON paths ($.a.b, $['a'], $.a[0], $.a[*]) as PostgreSQL's jsonpath.
CREATE FUNCTION qsorm_spark.get_json_object(s text, path text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  pg text := '$';
  rest text;
  m text[];
  j jsonb := qsorm_spark.try_jsonb(s);
  wildcard boolean := false;
BEGIN
  IF j IS NULL OR path IS NULL OR left(path, 1) <> '$' THEN RETURN NULL; END IF;
  rest := substr(path, 2);
  WHILE rest <> '' LOOP
    m := regexp_match(rest, '^(?:\.([^.\[]+)|\[''([^'']+)''\]|\[(\d+)\]|\[\*\])');
    IF m IS NULL THEN RETURN NULL; END IF;
    IF m[1] IS NOT NULL THEN pg := pg || '.' || to_json(m[1])::text;
    ELSIF m[2] IS NOT NULL THEN pg := pg || '.' || to_json(m[2])::text;
    ELSIF m[3] IS NOT NULL THEN pg := pg || '[' || m[3] || ']';
    ELSE pg := pg || '[*]'; wildcard := true;
    END IF;
    rest := substr(rest, length(substring(rest FROM '^(?:\.[^.\[]+|\[''[^'']+''\]|\[\d+\]|\[\*\])')) + 1);
  END LOOP;
  IF wildcard THEN
    RETURN (SELECT CASE WHEN jsonb_array_length(a) = 0 THEN NULL WHEN jsonb_array_length(a) = 1 THEN qsorm_spark.json_value_text(a -> 0) ELSE qsorm_spark.json_text(a) END
            FROM (SELECT jsonb_path_query_array(j, pg::jsonpath) AS a) AS x);
  END IF;
  RETURN qsorm_spark.json_value_text(jsonb_path_query_first(j, pg::jsonpath));
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

CREATE FUNCTION qsorm_spark.json_array_length(s text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(qsorm_spark.try_jsonb(s)) = 'array' THEN jsonb_array_length(qsorm_spark.try_jsonb(s)) END $$;

CREATE FUNCTION qsorm_spark.json_object_keys(s text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(qsorm_spark.try_jsonb(s)) = 'object' THEN ARRAY(SELECT jsonb_object_keys(qsorm_spark.try_jsonb(s))) END $$;

-- Errors on purpose.
CREATE FUNCTION qsorm_spark.raise_error(message text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = message;
END $$;

CREATE FUNCTION qsorm_spark.assert_true(condition boolean, message text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF condition IS NOT TRUE THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = coalesce(message, format('''%s'' is not true!', coalesce(condition::text, 'NULL')));
  END IF;
  RETURN NULL;
END $$;
