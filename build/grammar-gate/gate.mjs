// The Spark grammar gate: reads statements (a JSON array of {source, sql}) from the file named by the first argument and
// writes, as a JSON array on standard output, each one with the errors Apache Spark's grammar reports for it
// (dt-sql-parser's SparkSQL parser, generated from Spark 3.5's SqlBaseParser).
//
// Strict, as Spark reads SQL by default: every "x" is a string literal, never an identifier.
// Query Service's own extensions, which Spark's grammar lacks, are each removed (or, for ROW types, written as Spark's
// STRUCT) before parsing, so that the rest of the statement is still checked. Each names the Adobe page it comes from
// (AdobeDocs/experience-platform.en, help/query-service/...).
import { readFileSync } from 'node:fs';
import { SparkSQL } from 'dt-sql-parser';

export const extensions = [
  { name: 'SNAPSHOT clause', page: 'sql/syntax.md (SNAPSHOT clause)',
    pattern: /\bSNAPSHOT\s+(?:SINCE\s+\S+|AS\s+OF\s+\S+|BETWEEN\s+\S+\s+AND\s+\S+)/giu, replacement: '' },
  { name: 'CTAS options WITH (schema=..., rowvalidation=..., label=...)', page: 'sql/syntax.md (CREATE TABLE AS SELECT)',
    pattern: /(\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[\w.`]+\s+)WITH\s*\([^()]*\)(?=\s*AS\b)/giu, replacement: '$1' },
  { name: 'PRIMARY IDENTITY NAMESPACE', page: 'data-distiller/... and sql/syntax.md (CREATE TABLE, identity columns)',
    pattern: /\s+PRIMARY\s+IDENTITY\s+NAMESPACE\s+'[^']*'/giu, replacement: '' },
  { name: "WITH (LABEL='PROFILE')", page: 'sql/syntax.md (CREATE TABLE ... WITH (LABEL=\'PROFILE\'))',
    pattern: /\)\s*WITH\s*\(\s*LABEL\s*=\s*'[^']*'\s*\)/giu, replacement: ')' },
  { name: 'ADD CONSTRAINT PRIMARY KEY (c) NAMESPACE', page: 'sql/syntax.md (ALTER TABLE ... ADD CONSTRAINT PRIMARY KEY ... NAMESPACE)',
    pattern: /\bADD\s+CONSTRAINT\s+PRIMARY\s+KEY\s*\([^()]*\)\s*NAMESPACE\s+'[^']*'/giu, replacement: "SET TBLPROPERTIES ('primary_key' = 'namespace')" },
];

// ROW(f type, ...) column types (sql/syntax.md, CREATE TABLE): Spark writes STRUCT<f type, ...>.
function rowTypesAsStructs(sql) {
  let result = sql;
  for (let start = result.search(/\bROW\s*\(/iu); start >= 0; start = result.search(/\bROW\s*\(/iu)) {
    const open = result.indexOf('(', start);
    let depth = 0;
    let close = open;
    for (; close < result.length; close++) {
      if (result[close] === '(') depth++;
      else if (result[close] === ')' && --depth === 0) break;
    }
    result = `${result.slice(0, start)}STRUCT<${result.slice(open + 1, close)}>${result.slice(close + 1)}`;
  }
  return result;
}

// Spark's lexer: '...' strings with backslash escapes, `...` identifiers, comments; "..." becomes the string it is to Spark.
export function strict(sql) {
  let out = '';
  for (let i = 0; i < sql.length;) {
    const c = sql[i];
    if (c === "'" || c === '`') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== c) j += c === "'" && sql[j] === '\\' ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== '"') j += sql[j] === '\\' ? 2 : 1;
      out += `'${sql.slice(i + 1, j).replaceAll("'", "\\'")}'`;
      i = j + 1;
    } else if (sql.startsWith('--', i)) {
      const j = sql.indexOf('\n', i);
      out += j < 0 ? '' : '\n';
      i = j < 0 ? sql.length : j + 1;
    } else if (sql.startsWith('/*', i)) {
      const j = sql.indexOf('*/', i + 2);
      out += ' ';
      i = j < 0 ? sql.length : j + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// The statement's shape, for statements the gate has already judged: every string literal empty, every number and bind
// parameter 0 (a literal in place of another parses the same), and each distinct row of an inline table once (an append
// of 10,000 rows repeats a few row shapes).
export function shape(sql) {
  let out = '';
  for (let i = 0; i < sql.length;) {
    const c = sql[i];
    if (c === "'" || c === '`' || c === '"') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== c) j += c !== '`' && sql[j] === '\\' ? 2 : 1;
      out += c === "'" ? "''" : sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '$' && /[0-9]/u.test(sql[i + 1] ?? '')) {
      // A bind parameter of the wire protocol ($1), which the server reads as a value: a literal for the grammar.
      let j = i + 1;
      while (j < sql.length && /[0-9]/u.test(sql[j])) j++;
      out += '0';
      i = j;
    } else if (/[0-9]/u.test(c) && !/[\w$]/u.test(sql[i - 1] ?? ' ')) {
      let j = i;
      while (j < sql.length && /[0-9.]/u.test(sql[j])) j++;
      out += '0';
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return distinctRows(out);
}

function distinctRows(sql) {
  const start = sql.search(/\(\s*VALUES\s*\(/iu);
  if (start < 0) return sql;
  const rows = [];
  let i = sql.indexOf('(', sql.toUpperCase().indexOf('VALUES', start));
  while (sql[i] === '(') {
    let depth = 0;
    let j = i;
    for (; j < sql.length; j++) {
      if (sql[j] === '(') depth++;
      else if (sql[j] === ')' && --depth === 0) break;
    }
    rows.push(sql.slice(i, j + 1));
    i = j + 1;
    while (sql[i] === ',' || sql[i] === ' ' || sql[i] === '\n') i++;
  }
  return `${sql.slice(0, sql.indexOf('(', sql.toUpperCase().indexOf('VALUES', start)))}${[...new Set(rows)].join(', ')}${sql.slice(i)}`;
}

export function check(parser, sql) {
  let text = strict(sql);
  const stripped = [];
  for (const extension of extensions) {
    const next = text.replace(extension.pattern, extension.replacement);
    if (next !== text) stripped.push(extension.name);
    text = next;
  }
  const withStructs = rowTypesAsStructs(text);
  if (withStructs !== text) stripped.push('ROW(...) column types');
  const errors = parser.validate(withStructs).map(e => `${e.startLine}:${e.startColumn} ${e.message}`);
  return { checked: withStructs, stripped, errors };
}

// Statements of one shape are judged once; each gets that verdict.
if (process.argv[2]) {
  const parser = new SparkSQL();
  const statements = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const verdicts = new Map();
  process.stdout.write(JSON.stringify(statements.map(s => {
    const key = shape(s.sql);
    if (!verdicts.has(key)) verdicts.set(key, check(parser, key));
    return { ...s, ...verdicts.get(key), shape: key };
  })));
}
