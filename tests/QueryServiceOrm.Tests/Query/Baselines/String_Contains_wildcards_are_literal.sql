SELECT c.id
FROM customers AS c
WHERE c.name LIKE '%\u005C%\u005C_%'
