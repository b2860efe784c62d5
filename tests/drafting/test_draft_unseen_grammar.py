"""Grammar rules added from documents first read at first sight, on phrasings written
for these tests: a collective word that names more people than its groups, lists of
offices that share one 部门, and articles that only set the government's own duties."""
import pytest

from drafting.reading import read
from drafting.vocab import PartOf, load_vocabulary, read_collective_words


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


# ---- a collective word that names more people than its groups ----------------------------------

def test_youth_alone_names_no_group(vocab):
    assert isinstance(vocab.collective["青年"], PartOf)
    r = read("对在本市创办企业的青年，给予一次性创业补贴。", vocab)
    assert r.measure and not r.groups
    assert any("统称“青年”泛指" in x and "高校毕业生" in x for x in r.review)


def test_youth_narrowed_by_a_group_word_gives_that_group_only(vocab):
    r = read("对高校毕业生等青年创办小微企业的，给予一次性创业补贴。", vocab)
    assert set(r.groups) == {"college_graduate"}


def test_covers_must_be_all_or_part(tmp_path):
    groups_ = load_vocabulary().groups
    f = tmp_path / "collective-words.yml"
    f.write_text("collective_words:\n  青年: {groups: [rural_youth], convention: x, covers: some}\n", encoding="utf-8")
    with pytest.raises(Exception) as e:
        read_collective_words(f, groups_)
    assert "`covers`" in str(e.value)
    f.write_text("collective_words:\n  青年: {groups: [rural_youth], convention: x, covers: part}\n", encoding="utf-8")
    assert isinstance(read_collective_words(f, groups_)["青年"], PartOf)


# ---- who acts: a subject that lists units ---------------------------------------------------------

@pytest.mark.parametrize("subject, units", [
    ("民政、卫生健康等部门", ["民政部门", "卫生健康部门"]),
    ("市民政、卫生健康等部门", ["市民政部门", "市卫生健康部门"]),         # the level written once
    ("文化和旅游、体育等部门以及残疾人联合会", ["文化和旅游部门", "体育部门", "残疾人联合会"]),
    ("工会、妇女联合会等群团组织以及其他社会组织", ["工会", "妇女联合会"]),  # the kind after 等 is no unit
    ("乡镇、街道便民服务中心", ["乡镇、街道便民服务中心"]),                  # places before one unit
    ("市、县人民政府及其有关部门", ["市、县人民政府及其有关部门"]),
])
def test_a_subject_listing_units_names_each(subject, units):
    from drafting.agencies import subject_units, written_name
    assert [written_name(u) for u in subject_units(subject)] == units


IN_FORCE = "\n\n第二条 本条例所称创业，是指创办企业。\n\n第三条 本条例自2020年1月1日起施行。\n"


def test_every_unit_of_the_subject_leads(vocab):
    from drafting.writer import Drafter
    text = "第一条 民政、卫生健康等部门应当对在本市创业的退役军人给予一次性创业补贴。" + IN_FORCE
    draft = Drafter(text, "subject-test", "广州", vocab).draft()
    [m] = draft["measures"]
    names = {e["id"]: e["name"] for e in draft["new_agencies"]}
    assert [names[a] for a in m["agencies"]["lead"]] == ["民政部门", "卫生健康部门"]
    assert m["why"]["lead"] == "句子的主语：“民政、卫生健康等部门”"


def test_a_sentence_opening_with_its_verb_keeps_the_subject_before_it(vocab):
    from drafting.writer import Drafter
    text = "第一条 人力资源社会保障部门应当为失业人员提供免费职业介绍。组织失业人员参加免费职业技能培训。" + IN_FORCE
    ms = Drafter(text, "carry-test", "广州", vocab).draft()["measures"]
    second = [m for m in ms if m["quote"].startswith("组织")]
    assert second and second[0]["why"].get("actor") == "人力资源社会保障部门"


# ---- lists and delegations ----------------------------------------------------------------------

def _drafts(text, vocab):
    from drafting.writer import Drafter
    return Drafter(text, "list-test", "济南", vocab).draft()


def test_a_sentence_that_only_hands_the_rule_to_another_is_no_measure(vocab):
    r = read("困难家庭的认定标准由市人民政府民政部门制定。", vocab)
    assert not r.measure and "授权另定办法" in r.not_measure


def test_a_list_of_people_given_support_in_general_drafts_nothing(vocab):
    text = ("第一条 县级以上人民政府应当对下列退役军人实行优先扶持和重点帮助：\n\n（一）因战致残的退役军人；\n\n"
            "（二）烈士遗属中的退役军人。\n\n第二条 对自主创业的退役军人，给予一次性创业补贴。" + IN_FORCE.replace(
                "第二条", "第三条", 1).replace("第三条 本条例自", "第四条 本条例自"))
    draft = _drafts(text, vocab)
    assert [m["quote"] for m in draft["measures"]] == ["对自主创业的退役军人，给予一次性创业补贴。"]
    assert "优先扶持和重点帮助" in draft["articles"][0]["reason"]


def test_a_list_that_is_the_subject_leaves_the_lead_in_the_measure(vocab):
    text = ("第一条 下列场地按照不低于百分之三十的比例优先安排给残疾人创业：\n\n（一）政府投资建设的市场摊位；\n\n"
            "（二）政府开发的社区便民网点。\n\n残疾人在上述场地创业的，免收场地租金。" + IN_FORCE)
    quotes = [m["quote"] for m in _drafts(text, vocab)["measures"]]
    assert quotes[0].startswith("下列场地") and not any(q.startswith(("政府投资", "政府开发")) for q in quotes)
    assert any(q.startswith("残疾人在上述场地创业的") for q in quotes)


# ---- more offers ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, beneficiary", [
    ("县级以上人民政府农业农村部门应当对有意愿的返乡农民工进行电子商务培训。", "有意愿的返乡农民工"),   # 对 B 进行 + an offer
    ("职业院校应当为退役军人开设专门的技能课程。", "退役军人"),                                        # 为 B 开设
    ("政府建设的创业孵化场地应当优先向残疾人出租。", "残疾人"),                                      # 优先向 B 出租
])
def test_more_offers(vocab, sentence, beneficiary):
    r = read(sentence, vocab)
    assert r.measure and beneficiary in r.beneficiary, (r.not_measure, r.beneficiary)


def test_conducting_government_work_is_still_no_offer(vocab):
    assert not read("市场监督管理部门应当对经营场所进行监督检查。", vocab).measure


# ---- who acts: long subjects, topics of two clauses, a subject that benefits ---------------------

def test_a_long_list_of_units_before_the_modal_is_the_subject(vocab):
    r = read("民政、文化和旅游、卫生健康、人力资源社会保障等部门以及残疾人联合会、妇女联合会等应当为"
             "返乡创业的农民工提供创业指导服务。", vocab)
    assert r.actor == "民政、文化和旅游、卫生健康、人力资源社会保障等部门以及残疾人联合会、妇女联合会等"


def test_a_topic_of_two_clauses_is_skipped(vocab):
    r = read("遭受洪涝、地震等自然灾害，造成个体工商户经营困难时，县级人民政府应当及时给予临时补助。", vocab)
    assert r.measure and r.actor == "县级人民政府"


def test_a_subject_that_benefits_does_not_act(vocab):
    r = read("符合条件的小型微型企业可以享受房租补贴。", vocab)
    assert r.measure and r.actor is None


# ---- the government's own duties ------------------------------------------------------------

def test_a_duty_to_apply_for_a_licence_is_no_measure(vocab):
    r = read("开办人力资源服务机构应当在市场监督管理部门办理登记后，向人力资源社会保障部门申请行政许可。", vocab)
    assert not r.measure and "申请许可或登记的义务" in r.not_measure
    assert read("公共就业服务机构应当为失业人员免费办理失业登记。", vocab).measure


def test_service_as_the_purpose_of_a_system_built_is_no_offer(vocab):
    assert not read("市人民政府建立健全统一的创业服务体系，为创业者提供服务。", vocab).measure
    assert read("市人民政府应当为创业者提供服务。", vocab).measure          # the offer itself, plainly


def test_a_service_after_an_adverb_of_manner(vocab):
    r = read("县级人民政府应当根据返乡人员的需求，有针对性地开展电商技能培训。", vocab)
    assert r.measure and r.offer == "开展"


def test_a_school_that_offers_courses_acts(vocab):
    r = read("职业院校应当开设电子商务创业课程，组织创业实训。", vocab)
    assert r.measure and r.actor == "职业院校"


def test_whom_one_is_compared_with_is_not_the_beneficiary(vocab):
    r = read("退役军人创办的个体工商户申请经营场所，与本地其他个体工商户享受同等待遇。", vocab)
    assert r.measure and "veteran" in r.groups and "与" not in r.beneficiary


def test_the_office_that_gives_in_a_later_clause_acts(vocab):
    r = read("返乡创业人员可以向金融机构申请创业担保贷款，由担保基金提供担保，财政部门按照规定给予贴息。", vocab)
    assert r.measure and r.actor == "财政部门"


def test_an_office_keeps_the_brackets_inside_its_name(vocab):
    r = read("乡（镇）、街道公共就业服务机构应当为登记失业人员免费提供职业介绍。", vocab)
    assert r.actor == "乡（镇）、街道公共就业服务机构"


def test_opening_something_for_someone_is_an_offer(vocab):
    r = read("鼓励龙头企业为返乡创业人员开放生产线和销售渠道。", vocab)
    assert r.measure and r.frame == "为" and "返乡创业人员" in r.beneficiary


def test_a_product_suited_to_someone_is_for_them(vocab):
    r = read("鼓励商业银行开发适合个体工商户特点的信贷产品。", vocab)
    assert r.measure and r.beneficiary == "个体工商户"
    # suited to what they do themselves: not offered to them
    assert read("有关部门应当确定适合残疾人生产、经营的产品。", vocab).beneficiary != "残疾人"


def test_a_first_clause_that_forbids_is_a_prohibition(vocab):
    r = read("机关、使用财政资金的社会组织等不得拖欠小微企业的服务款项。", vocab)
    assert not r.measure and r.not_measure.startswith("禁止性规定")


def test_items_of_a_list_of_measures_are_for_the_people_the_lead_in_names(vocab):
    text = ("第一条 县人民政府应当采取下列措施支持退役军人在本县创业：\n\n（一）落实创业担保贷款贴息政策；\n\n"
            "（二）开展创业培训活动。" + IN_FORCE)
    ms = _drafts(text, vocab)["measures"]
    assert ms and all(m.get("conditions", {}).get("groups") == ["veteran"] for m in ms), ms


@pytest.mark.parametrize("subject, units", [
    ("市、区县（自治县）农业农村、商务、市场监管等部门",
     ["市、区县（自治县）农业农村部门", "市、区县（自治县）商务部门", "市、区县（自治县）市场监管部门"]),
    ("省、市教育、科技等部门", ["省、市教育部门", "省、市科技部门"]),      # every level written once, for each office
])
def test_levels_written_once_before_a_list_are_every_offices(subject, units):
    from drafting.agencies import subject_units, written_name
    assert [written_name(u) for u in subject_units(subject)] == units
