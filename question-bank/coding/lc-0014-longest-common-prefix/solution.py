def longest_common_prefix(strs):
    prefix = strs[0] if strs else ''
    for word in strs[1:]:
        while not word.startswith(prefix):
            prefix = prefix[:-1]
    return prefix
