"""The registers as data (pure): the rows the site, the JSON contract and editions share."""
