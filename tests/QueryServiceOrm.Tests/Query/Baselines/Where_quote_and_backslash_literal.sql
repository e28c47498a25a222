SELECT c.id
FROM customers AS c
WHERE c.name = 'Ann O\'Neil' OR c.city = 'Back\\slash'
ORDER BY c.id NULLS FIRST
