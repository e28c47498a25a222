SELECT replace(c.name, 'Customer', 'C')
FROM customers AS c
ORDER BY c.id NULLS FIRST
