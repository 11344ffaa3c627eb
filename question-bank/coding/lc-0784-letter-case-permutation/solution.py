def letter_case_permutation(s):
    result = [""]
    for ch in s:
        if ch.isalpha():
            result = [prefix + c for prefix in result for c in (ch.lower(), ch.upper())]
        else:
            result = [prefix + ch for prefix in result]
    return result
