SELECT from_utc_timestamp(o.placed, 'Asia/Tokyo')
FROM orders AS o
WHERE o.id <= 3
ORDER BY o.id NULLS FIRST
