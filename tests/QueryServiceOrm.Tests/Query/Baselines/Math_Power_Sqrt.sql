SELECT power(c.score, CAST('2' AS double)) AS P, sqrt(c.score) AS S
FROM customers AS c
WHERE c.score IS NOT NULL
ORDER BY c.id NULLS FIRST
