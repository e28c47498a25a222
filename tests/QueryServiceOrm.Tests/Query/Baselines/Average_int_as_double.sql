SELECT avg(CAST(c.id AS double))
FROM customers AS c
