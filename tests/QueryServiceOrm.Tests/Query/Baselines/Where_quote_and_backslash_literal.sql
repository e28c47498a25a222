SELECT c.id
FROM customers AS c
WHERE c.name = 'Ann O\u0027Neil' OR c.city = 'Back\u005Cslash'
ORDER BY c.id NULLS FIRST
