SELECT c.id
FROM customers AS c
WHERE c.city <> 'Paris' OR c.city IS NULL
ORDER BY c.id NULLS FIRST
