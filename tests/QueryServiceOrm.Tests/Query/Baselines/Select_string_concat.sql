SELECT c.name || ' (' || COALESCE(c.tier, '') || ')'
FROM customers AS c
ORDER BY c.id NULLS FIRST
