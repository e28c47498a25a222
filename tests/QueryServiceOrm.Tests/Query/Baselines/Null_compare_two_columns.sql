SELECT c.id
FROM customers AS c
WHERE c.city = c.tier OR (c.city IS NULL AND c.tier IS NULL)
ORDER BY c.id NULLS FIRST
