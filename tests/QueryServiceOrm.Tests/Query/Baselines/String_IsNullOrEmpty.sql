SELECT c.id
FROM customers AS c
WHERE c.tier IS NULL OR c.tier = ''
ORDER BY c.id NULLS FIRST
