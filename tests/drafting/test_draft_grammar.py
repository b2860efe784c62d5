"""The reader's grammar on phrasings written for these tests (none is a sentence of a
document the drafter was developed on): who benefits when the text names them only as
"those who…", whose call on society or whose honour is no support, lists that run on,
a sentence that stays one measure, and a beneficiary named in the sentence before."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary
from drafting.writer import Drafter


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def drafts(text, vocab, region="全国"):
    return Drafter(text, "grammar-test", region, vocab).draft()["measures"]


# ---- "those who…": a 的-phrase with no noun -------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "对因照顾家庭中断工作一年以上的，给予一次性求职补贴。",
    "经认定为生活困难的，可以领取临时生活补助。",
    "已经办理失业登记满六个月，仍未找到工作的，发给再就业交通补贴。",
    "对其中年满五十周岁的，依法纳入就业援助范围。",
])
def test_those_who_a_phrase_describes_are_people(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure and r.headless, r.why()


def test_a_topic_of_several_clauses_is_the_beneficiary_when_its_first_names_nobody(vocab):
    r = read("服务期满五年，以自谋职业方式离岗的，领取一次性安家补助。", vocab)
    assert r.measure and r.beneficiary.startswith("服务期满五年") and r.beneficiary.endswith("的")


def test_nouns_that_name_people_by_their_last_character(vocab):
    for sentence in ("烈士遗属在公立医院就诊享受优先挂号服务。", "退役士官享受一次性安家补助。",
                     "返乡农户享受农机购置补贴。"):
        assert read(sentence, vocab).measure, sentence


# ---- not support, whatever verb they use --------------------------------------------------------

@pytest.mark.parametrize("sentence, why", [
    ("对在促进青年就业工作中成绩显著的单位和个人，给予表彰奖励。", "表彰"),
    ("各级人民政府对在扶持残疾人创业中做出突出贡献的集体，予以表彰。", "表彰"),
    ("劳动者认为用人单位侵犯其权益的，可以依法申请劳动仲裁。", "法律救济"),
    ("受到歧视的求职者可以向人民法院提起诉讼。", "法律救济"),
    ("国家鼓励社会力量通过捐赠、志愿服务等方式为困难家庭提供帮助。", "号召社会各方"),
    ("县级以上人民政府鼓励企业事业单位、社会组织和个人为返乡人员提供帮扶。", "号召社会各方"),
])
def test_honours_recourse_and_calls_on_society_are_no_offer(vocab, sentence, why):
    r = read(sentence, vocab)
    assert not r.measure and why in r.not_measure, r.why()


def test_a_provider_encouraged_to_serve_someone_still_offers(vocab):
    r = read("国家鼓励商业银行为高校毕业生创业提供小额信用贷款。", vocab)
    assert r.measure and "college_graduate" in r.groups


def test_a_call_on_society_after_a_measure_does_not_undo_it(vocab):
    r = read("适当降低家政服务业准入门槛，鼓励高校和社会力量积极参与家政人员培训。", vocab)
    assert r.measure, r.why()


def test_an_orientation_with_nothing_offered_is_no_measure(vocab):
    assert not read("国家鼓励和支持退役士兵自主就业、自主创业。", vocab).measure
    assert read("县级以上人民政府应当落实贷款贴息政策，鼓励和支持退役士兵自主创业。", vocab).measure


# ---- lists and sentences --------------------------------------------------------------------

def test_an_encouraged_list_is_read_to_its_end(vocab):
    r = read("各地应当支持高校毕业生、回乡创业农民工、退役军人等创业，提供场地补贴。", vocab)
    assert r.measure and {"college_graduate", "returning_migrant_worker", "veteran"} <= set(r.groups), r.groups


def test_a_group_in_the_name_of_an_offer_does_not_split_the_sentence(vocab):
    ms = drafts("第一条 为了……，制定本法。\n\n第二条 因公致残的退役军人，有劳动能力的，优先享受残疾人就业扶持政策。\n", vocab)
    assert len(ms) == 1
    assert sorted(ms[0]["conditions"]["groups"]) == ["disabled", "veteran"] or ms[0]["conditions"]["groups"] == ["veteran"]
    assert ms[0]["quote"].startswith("因公致残的退役军人")


def test_two_groups_in_one_word_make_one_measure_for_people_in_both(vocab):
    ms = drafts("第一条 为了……，制定本法。\n\n第二条 县级以上地方人民政府应当为残疾退役军人提供职业康复培训。\n", vocab)
    assert len(ms) == 1 and ms[0]["all_groups"] is True
    assert sorted(ms[0]["conditions"]["groups"]) == ["disabled", "veteran"]
    assert "残疾退役军人" in ms[0]["why"]["all_groups"]


def test_those_who_after_a_sentence_naming_people_are_those_people(vocab):
    ms = drafts("第一条 为了……，制定本法。\n\n第二条 公共就业服务机构应当为退役军人推荐就业岗位。"
                "被推荐到社区服务岗位工作的，给予岗位补贴。\n", vocab)
    later = [m for m in ms if m["quote"].startswith("被推荐")]
    assert later and later[0]["conditions"]["groups"] == ["veteran"]
    assert any("身份取自上文" in item for item in later[0]["review"])


# ---- more that is not support ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, why", [
    ("残疾人在接受职业教育方面享有与健全人平等的权利。", "权利"),
    ("个体工商户对违法收费有权拒绝并向有关部门举报。", "权利"),
    ("无正当理由拒绝接受安排的，视为放弃该项待遇。", "不履行的后果"),
    ("外国人在本市就业另有规定的，依照其规定。", "另有规定"),
    ("创业担保基金纳入同级财政预算管理。", "资金的用途"),
    ("用人单位招用残疾人，应当为其提供无障碍工作条件。", "义务"),
    ("开办培训学校应当依法向教育行政部门申请办学许可。", ""),        # a duty to apply
    ("国家鼓励个体工商户提升经营管理水平，诚信守法经营。", ""),       # what they do themselves
    ("县级以上人民政府通过完善社会保障、提供职业培训等措施，扩大就业。", ""),   # means, not an offer
])
def test_rights_sanctions_funds_duties_and_orientations_are_no_offer(vocab, sentence, why):
    r = read(sentence, vocab)
    assert not r.measure and why in (r.not_measure or ""), r.why()


@pytest.mark.parametrize("sentence", [
    "符合条件的小微企业，可以向所在地的区就业服务部门申请一次性吸纳就业补贴。",
    "在本区创办科技企业，符合条件的，可以申请创业场地租金减免。",
    "小微企业购置研发设备发生的费用，可以依法在计算应纳税所得额时一次性扣除。",
    "个体工商户吸纳失业人员的，按照规定免缴相关行政事业性收费。",
    "社区公共就业服务机构应当设立服务窗口，免费提供职业介绍服务。",
    "鼓励创业者入驻政府投资建设的创业孵化基地。",
])
def test_applications_deductions_and_free_services_are_offers(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure, r.why()


def test_a_name_holding_a_word_of_government_work_is_no_government_work(vocab):
    r = read("失业人员从事个体经营的，免收管理类、登记类行政事业性收费。", vocab)
    assert r.measure and "unemployed" in r.groups, r.why()


def test_items_of_a_prohibition_or_a_list_of_conditions_are_no_measures(vocab):
    ms = drafts("第一条 为了……，制定本法。\n\n第二条 职业中介机构不得有下列行为：\n\n（一）向求职者收取押金；\n\n"
                "（二）为求职者提供虚假就业信息。\n\n第三条 退役士兵符合下列条件之一的，可以申请一次性创业补贴：\n\n"
                "（一）服役满五年的；\n\n（二）荣获三等功以上奖励的。\n", vocab)
    assert [m["article"] for m in ms] == [3] and ms[0]["quote"].startswith("退役士兵符合下列条件之一的")



def test_a_lead_in_whose_items_say_which_qualify_is_the_measure(vocab):
    ms = drafts("第一条 为了……，制定本条例。\n\n第二条 对下列农业技术推广项目应当通过政府采购、资助等方式予以支持：\n\n"
                "（一）能够显著提高农民收入的；\n\n（二）能够改善农村生态环境的。\n", vocab)
    assert [m["article"] for m in ms] == [2] and len(ms) == 1, [m["quote"] for m in ms]
    assert ms[0]["quote"].startswith("对下列农业技术推广项目"), ms[0]["quote"]


# ---- whom a sentence is for, in more shapes -----------------------------------------------------

@pytest.mark.parametrize("sentence, who", [
    ("各地应当拿出一定数量的事业单位岗位，面向退役军人定向招聘。", "veteran"),
    ("职业院校可以通过单独招生等方式招收高校毕业生。", "college_graduate"),
    ("残疾人报考公务员，同等条件下优先录取。", "disabled"),
    ("退役军人乘坐城市公交车免费。", None),
    ("失业人员失业前的缴费年限与再就业后的缴费年限依法合并计算。", "unemployed"),
    ("高校毕业生离校后，由户籍所在地人力资源社会保障部门纳入就业服务范围。", "college_graduate"),
    ("对因突发疾病、意外事故等原因，生活陷入困难的残疾人家庭，应当给予临时救助。", None),
])
def test_whom_a_sentence_is_for(vocab, sentence, who):
    r = read(sentence, vocab)
    assert r.measure, r.why()
    if who:
        assert who in r.groups, (r.groups, r.why())


def test_a_delegation_that_only_names_the_details_is_no_offer_but_one_after_an_offer_is(vocab):
    assert not read("失业人员领取失业补助金的具体办法由省人民政府制定。", vocab).measure
    assert read("残疾人凭残疾人证享受公共文化设施优惠，具体办法由市人民政府制定。", vocab).measure


def test_a_use_verb_inside_a_modifier_is_not_what_the_sentence_offers(vocab):
    # 领取 names a way of being placed, not something offered here
    assert not read("以领取一次性补助方式离岗的人员，其档案由原单位移交。", vocab).measure
    assert not read("符合领取失业保险金条件的人员的名单由经办机构公布。", vocab).measure


@pytest.mark.parametrize("sentence", [
    "退休人员享受的护理补贴按照本市有关规定执行。",
    "开展乡村产业发展等活动，适用本条例。",
    "国家发展社会福利事业，保障残疾人享有康复、教育等权益。",
    "对不按期完成招用任务的单位，人力资源社会保障部门可以暂缓办理其补贴申请。",
    "对扶持政策落实不到位的地区和单位，由上级人民政府约谈其负责人。",
])
def test_deferrals_scope_declarations_and_sanctions_are_no_offer(vocab, sentence):
    assert not read(sentence, vocab).measure, read(sentence, vocab).why()


def test_people_named_first_in_a_coordination_or_who_meet_a_groups_conditions(vocab):
    r = read("残疾人和烈士、因公牺牲人员的遗属，在公立医院就医享受挂号优先。", vocab)
    assert r.measure and "disabled" in r.groups
    r = read("对符合就业困难人员认定条件的高校毕业生，街道公共就业服务机构应当提供一对一就业帮扶。", vocab)
    assert r.measure and {"unemployed", "college_graduate"} <= set(r.groups)


def test_an_employer_that_hires_a_group_across_a_comma_is_the_beneficiary(vocab):
    r = read("吸纳登记失业人员，并为其缴纳社会保险费的小微企业，可以申请社会保险补贴。", vocab)
    assert r.measure and r.head.endswith("企业") and not r.groups


# ---- who acts --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, actor", [
    ("市和区人民政府及其有关部门对返乡创业人员应当简化登记手续，提供便利服务。", "市和区人民政府及其有关部门"),
    ("本市设立的创业服务中心，应当为初创企业提供免费的政策咨询。", "本市设立的创业服务中心"),
    ("失业人员可以到户籍所在地的公共就业服务机构办理失业登记。", "户籍所在地的公共就业服务机构"),
])
def test_who_acts_stops_at_a_preposition_is_a_subject_clause_or_where_one_goes(vocab, sentence, actor):
    r = read(sentence, vocab)
    assert r.measure and r.actor == actor, (r.actor, r.why())


def test_a_sentence_after_a_semicolon_keeps_the_subject_before_it(vocab):
    ms = drafts("第一条 为了……，制定本条例。\n\n第二条 区人力资源社会保障局应当为高校毕业生提供创业培训；"
                "为小微企业提供招聘服务。\n", vocab, region="天河区")
    later = [m for m in ms if m["quote"].startswith("为小微企业")]
    assert later and later[0]["why"].get("actor") == "区人力资源社会保障局"


@pytest.mark.parametrize("sentence", [
    "教育行政部门应当为军人子女就近入学提供便利。",
    "对现役军人的配偶，就业服务机构应当优先推荐就业岗位。",
    "安置地人民政府应当为退役军人随迁配偶提供就业指导。",
])
def test_the_family_of_a_group_is_the_group_the_vocabulary_has_for_it(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure and "military_family" in r.groups, (r.groups, r.why())


def test_a_family_noun_after_a_group_with_no_family_word_names_no_group(vocab):
    r = read("对高校毕业生的父母给予交通补贴。", vocab)
    assert r.measure and not r.groups


def test_a_law_declares_what_a_plan_assigns(vocab):
    """The same encouragement is a declaration in a law (no office carries it out) and a task in a
    plan whose bracket names the office."""
    law = drafts("第一条 为了……，制定本条例。\n\n第二条 鼓励个体工商户运用电子商务拓展销售渠道。\n", vocab, region="天河区")
    plan = drafts("某区促进个体经济发展措施\n\n1.鼓励个体工商户运用电子商务拓展销售渠道。（区商务局负责）\n\n"
                  "2.加强统计监测。（区统计局负责）\n", vocab, region="天河区")
    assert law == [] and len(plan) == 1


def test_items_of_a_list_of_duties_are_no_measures(vocab):
    ms = drafts("第一条 为了……，制定本条例。\n\n第二条 区中小企业工作部门应当履行下列职责：\n\n（一）拟订促进中小企业发展的政策措施；\n\n"
                "（二）推动建立中小企业服务体系。\n\n第三条 劳动者灵活就业的，由本人到街道公共就业服务机构办理就业登记。\n", vocab,
                region="天河区")
    assert ms == []


def test_an_item_naming_no_group_is_one_of_the_lead_ins_people(vocab):
    ms = drafts("第一条 为了……，制定本法。\n\n第二条 对下列残疾人，优先提供职业培训：\n\n（一）因工致残的职工；\n\n"
                "（二）持证的盲人按摩从业人员。\n", vocab)
    assert len(ms) == 2 and all(m["conditions"]["groups"] == ["disabled"] for m in ms)
    assert all(any("身份取自引导语" in x for x in m.get("review", [])) for m in ms if "职工" in m["quote"])


def test_an_employer_that_takes_on_a_group_and_a_groups_household(vocab):
    r = read("对集中使用残疾人的用人单位，依法给予税收优惠。", vocab)
    assert r.measure and not r.groups and r.head.endswith("用人单位")
    r = read("对生活困难的现役军人家庭，当地人民政府应当给予帮扶。", vocab)
    assert r.measure and "military_family" in r.groups


@pytest.mark.parametrize("sentence", [
    "县级以上人民政府应当发挥政府投资带动就业的作用，增加就业岗位。",
    "县级以上地方人民政府应当优化营商环境，引导社会资本投向农村。",
    "省妇女联合会负责全省妇女创业就业工作的组织协调。",
])
def test_a_laws_orientation_and_a_units_field_of_work_are_no_offer(vocab, sentence):
    ms = drafts("第一条 为了……，制定本条例。\n\n第二条 " + sentence + "\n", vocab, region="天河区")
    assert ms == [], [m["why"] for m in ms]


def test_a_unit_named_by_its_work_still_acts(vocab):
    r = read("退役军人工作主管部门和其他负责退役军人安置工作的部门应当为退役军人组织适应性培训。", vocab)
    assert r.measure and "veteran" in r.groups


# ---- more that came from reading two regulations -----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "符合条件的返乡人员可以按照有关规定，到户籍所在地公共就业服务机构进行登记，申请创业补贴。",
    "失业人员有权向街道公共就业服务机构咨询，免费享受街道公共就业服务机构提供的职业指导。",
    "县级人民政府在规划建设产业园区时，应当统筹安排小微企业的生产经营场所。",
    "人力资源社会保障部门应当为在小微企业工作的技术人员进行职称评定。",
    "创业服务中心应当为入驻企业的经营活动提供咨询服务。",
])
def test_permissions_relative_nouns_arrangements_and_services(vocab, sentence):
    assert read(sentence, vocab).measure, read(sentence, vocab).why()


@pytest.mark.parametrize("sentence", [
    "申请人对认定结果有异议的，可以向区人力资源社会保障部门申请复核。",
    "个体工商户享受与其他市场主体同等的待遇。",
    "本市促进就业工作坚持政府主导、市场调节的原则，对就业困难人员实行优先扶持。",
    "本市鼓励用人单位向公共就业服务机构提供岗位空缺信息。",
])
def test_review_equal_treatment_principles_and_reports_are_no_offer(vocab, sentence):
    assert not read(sentence, vocab).measure, read(sentence, vocab).why()


def test_a_laws_encouragement_goes_on_in_the_clauses_after_it(vocab):
    law = drafts("第一条 为了……，制定本条例。\n\n第二条 鼓励行业协会支持会员企业发展，提供相应的帮助。\n", vocab,
                 region="天河区")
    assert law == []


def test_an_employer_hiring_a_group_in_a_clause_with_no_noun_is_the_beneficiary(vocab):
    r = read("小微企业招用高校毕业生达到规定人数的，享受社会保险补贴；吸纳残疾人达到规定比例的，享受税收优惠。", vocab)
    assert r.measure and not r.groups


@pytest.mark.parametrize("sentence, who", [
    ("根据有关规定，在高层次人才发展计划、有关评奖、项目申报中，对符合条件的妇女，可以适当放宽年龄限制。", "女"),
    ("对退役军人报考事业单位的，适当放宽年龄条件。", "退役军人"),
])
def test_a_bar_lowered_for_the_people_named_is_an_offer_to_them(vocab, sentence, who):
    r = read(sentence, vocab)
    assert r.measure and who in (r.beneficiary or ""), r.why()


def test_a_cost_lowered_for_no_one_named_is_no_offer(vocab):
    assert not read("市政府应当降低企业用电成本。", vocab).measure


@pytest.mark.parametrize("sentence, group", [
    ("公共停车场所应当设置方便残疾人的专用停车位，并减免残疾人专用车的停车费用。", "disabled"),
    ("在农村危房改造中，优先改造住房困难的生活困难残疾人家庭房屋。", "disabled"),
])
def test_a_charge_waived_on_what_a_groups_people_own_or_a_home_rebuilt_first_is_theirs(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and group in r.groups, r.why()


def test_a_charge_waived_for_businesses_in_general_names_no_group(vocab):
    r = read("市政府减免企业的水电费用。", vocab)
    assert not r.groups, r.why()


@pytest.mark.parametrize("sentence", ["残疾学生所在学校应当保留其学籍；", "残疾职工所在单位应当保障其工资和福利待遇不变；"])
def test_a_school_or_employer_keeping_a_groups_place_or_pay_is_an_offer_to_them(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure and "disabled" in r.groups, r.why()


def test_keeping_the_pay_of_staff_in_general_names_no_one_offered(vocab):
    assert not read("工作人员所在单位应当保障其工资。", vocab).measure
