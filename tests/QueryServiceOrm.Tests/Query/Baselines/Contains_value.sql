SELECT COALESCE((
    SELECT 1 AS one
    FROM customers AS c
    WHERE c.city = 'Paris'
    LIMIT 1) IS NOT NULL, FALSE)
