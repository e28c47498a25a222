SELECT c.id
FROM customers AS c
WHERE (c.name RLIKE '^Customer [0-9]5$')
ORDER BY c.id NULLS FIRST
