from congso.search.analysis import analyse, fold_same_length, parse_query, title_tokens


def alternatives(query):
    return [g.alternatives for g in parse_query(query).groups]


def test_typed_forms_of_the_same_words_give_the_same_groups():
    assert (
        alternatives("chuyen doi so")
        == alternatives("CHUYỂN ĐỔI SỐ")
        == alternatives("chuyển đổi số")
    )


def test_d_with_stroke_folds_to_d():
    assert alternatives("Đà Nẵng") == [(("da",),), (("nang",),)]


def test_query_with_diacritics_keeps_them_for_ranking():
    assert parse_query("Bạn đọc").exact == ["bạn", "đọc"]


def test_abbreviation_expands_to_its_full_form():
    (group,) = parse_query("CNTT").groups
    assert ("cong", "nghe", "thong", "tin") in group.alternatives


def test_full_form_expands_to_its_abbreviation():
    (group,) = parse_query("công nghệ thông tin").groups
    assert ("cntt",) in group.alternatives


def test_abbreviation_with_ampersand_matches_written_and_joined_forms():
    (group,) = parse_query("TT&TT").groups
    assert {("tt", "tt"), ("tttt",), ("thong", "tin", "va", "truyen", "thong")} <= set(
        group.alternatives
    )


def test_overlapping_expansions_keep_the_shorter_core():
    groups = parse_query("Sở Thông tin và Truyền thông").groups
    assert groups[0].alternatives == (("so",),)
    assert ("tttt",) in groups[1].alternatives


def test_code_is_a_phrase_of_its_parts_or_one_joined_token():
    (group,) = parse_query("3443/SKHĐT-TH").groups
    assert group.compound
    assert group.alternatives[:2] == (("3443", "skhdt", "th"), ("3443skhdtth",))


def test_number_with_thousands_dot_is_found_with_or_without_it():
    (group,) = parse_query("968.395").groups
    assert ("968395",) in group.alternatives


def test_quoted_words_form_one_phrase_group():
    assert alternatives('"chuyển đổi số" Hà Tĩnh') == [
        (("chuyen", "doi", "so"),),
        (("ha",),),
        (("tinh",),),
    ]


def test_unbalanced_quote_is_read_as_plain_words():
    assert alternatives('"chuyen doi') == [(("chuyen",),), (("doi",),)]


def test_fts_syntax_characters_are_plain_text():
    query = parse_query('NEAR(a* OR "b") ^c : -d AND')
    tokens = {t for g in query.groups for alt in g.alternatives for t in alt}
    assert tokens <= {"near", "a", "or", "b", "c", "d", "and"}


def test_nul_bytes_and_control_characters_are_dropped():
    assert alternatives("chuyen\x00doi\x07so") == alternatives("chuyen doi so")


def test_emoji_only_query_is_empty():
    assert parse_query("🙂🎉").is_empty


def test_very_long_query_is_cut_and_reported():
    query = parse_query("chuyển đổi số " * 1000)
    assert query.truncated
    assert len(query.text) <= 200


def test_repeated_words_count_once():
    assert len(parse_query("số số số").groups) == 1


def test_index_keeps_parts_and_joined_form_of_codes():
    analysed = analyse("Quyết định 81/2004/QĐ-UB")
    assert analysed.tokens == ["quyet", "dinh", "81", "2004", "qd", "ub"]
    assert "812004qdub" in analysed.extra


def test_index_records_bigrams_and_exact_syllables():
    analysed = analyse("Chuyển đổi số")
    assert {"chuyendoi", "doiso"} <= set(analysed.extra)
    assert analysed.exact == {"chuyển", "đổi", "số"}


def test_same_length_folding_keeps_every_position():
    text = "ĐỔI MỚI Chuyển đổi số, Ưu tiên 81/2004"
    folded = fold_same_length(text)
    assert folded == "doi moi chuyen doi so, uu tien 81/2004"
    assert len(folded) == len(text)


def test_quick_title_tokens_equal_full_analysis():
    title = "Sở TT&TT: Hội nghị CHUYỂN ĐỔI SỐ năm 2025 – Đợt 2"
    assert title_tokens(title) == analyse(title, bigrams=False).tokens
