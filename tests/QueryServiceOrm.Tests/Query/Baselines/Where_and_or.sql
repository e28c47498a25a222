SELECT c.id
FROM customers AS c
WHERE c.active AND (c.tier = 'gold' OR c.score > CAST('20' AS double))
ORDER BY c.id NULLS FIRST
