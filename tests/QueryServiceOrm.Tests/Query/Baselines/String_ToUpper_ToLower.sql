SELECT upper(c.name) AS U, lower(c.city) AS L
FROM customers AS c
ORDER BY c.id NULLS FIRST
