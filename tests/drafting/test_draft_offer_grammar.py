"""Grammar rules for offers whose beneficiary is the sentence's topic rather than the object of
对/为/向: a topic followed by 由 whoever gives (…的残疾军人，由所在部队发给…), a topic followed by a
government's own clause (…军人配偶，当地人民政府应当优先安排就业), the subject nearest its verb;
and words that only look like a modal (相应 is no 应). Sentences written for these tests or quoted
from the development documents."""
import pytest

from drafting.reading import read
from drafting.vocab import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def test_xiangying_is_no_duty_of_the_business(vocab):
    # 相应 holds 应 but is an adjective: what the business enjoys, not what it must do
    r = read("留学人员创办企业按照规定享受相应的专项资金扶持和土地供应政策。", vocab)
    assert r.measure and r.beneficiary == "留学人员创办企业"
    assert not read("用人单位应当依法为职工缴纳社会保险费。", vocab).measure


@pytest.mark.parametrize("sentence, beneficiary, giver", [
    ("因工作需要继续服现役的残疾军人，经军队军级以上单位批准，由所在部队按照规定发给残疾抚恤金。",
     "因工作需要继续服现役的残疾军人", "所在部队"),
    ("在本市创业的高校毕业生，由区人力资源社会保障部门给予一次性创业补贴。", "在本市创业的高校毕业生",
     "区人力资源社会保障部门"),
    # a topic naming a cost: whose cost it is
    ("七级至十级残疾军人旧伤复发以外的医疗费用，未参加医疗保险且本人支付有困难的，由当地县级以上地方人民政府酌情给予补助。",
     "七级至十级残疾军人", "当地县级以上地方人民政府"),
])
def test_a_topic_given_to_by_a_named_unit(vocab, sentence, beneficiary, giver):
    r = read(sentence, vocab)
    assert r.measure and r.beneficiary == beneficiary and r.actor == giver


def test_a_rule_handed_to_a_unit_is_still_no_offer(vocab):
    assert not read("就业困难人员的具体认定办法，由省人民政府制定。", vocab).measure
    assert not read("所需经费，由省级人民政府保障。", vocab).measure


def test_people_named_first_then_a_government_that_shall_act(vocab):
    r = read("烈士遗属、因公牺牲军人遗属和符合规定条件的军人配偶，当地人民政府应当优先安排就业。", vocab)
    assert r.measure and r.actor == "当地人民政府"
    assert r.groups.get("military_family") == "军人遗属"      # the family word as written, for the reviewer
    assert not read("残疾人，县级人民政府应当加强管理。", vocab).measure


def test_a_time_is_no_subject_the_people_after_it_are(vocab):
    r = read("退出现役后，在机关、群团组织、企业事业单位和社会组织工作的残疾军人，享受与所在单位工伤人员同等的生活福利和医疗待遇。",
             vocab)
    assert r.measure and r.beneficiary.endswith("工作的残疾军人") and "disabled" in r.groups


@pytest.mark.parametrize("sentence, beneficiary", [
    ("对来本市工作而不落户的华侨，凭有效证件，在购房、子女入托、入学、升学、乘车等方面享受市民待遇。", "来本市工作而不落户的华侨"),
    ("对经市政府侨务工作机构和市民政部门审核认定的早期归侨，其生活确有困难的，当地政府应当给予适当补助。",
     "经市政府侨务工作机构和市民政部门审核认定的早期归侨"),
])
def test_dui_with_a_condition_between_it_and_the_offer(vocab, sentence, beneficiary):
    r = read(sentence, vocab)
    assert r.measure and r.frame == "对" and r.beneficiary == beneficiary and "overseas_chinese" in r.groups


def test_dui_then_someone_else_acting_is_not_carried_over(vocab):
    # the clause between names who acts and what it does (protects, hands over): the offer after it is theirs
    assert not read("对符合移交条件的伤病残退役军人，军队有关单位和安置地人民政府退役军人工作主管部门应当及时移交接收，"
                    "予以妥善安置。", vocab).measure
    assert not read("主管部门接到投诉后，对属于本部门职责的，应当及时受理、核实，并及时反馈办理结果。", vocab).measure


def test_given_to_someone_after_gei(vocab):
    r = read("由公共财政出资或者实行公共政策所形成的劳务岗位，应当优先提供给就业困难人员。", vocab)
    assert r.measure and r.beneficiary == "就业困难人员" and "unemployed" in r.groups
    assert not read("用人单位应当将招用人员的情况提供给主管部门。", vocab).measure     # a report to an office


@pytest.mark.parametrize("sentence", [
    "县级以上人民政府应当结合实际工作需要，对华侨权益保护工作给予必要的经费保障。",      # a field of work
    "各级人民政府应当对残疾人就业工作给予支持。",
    "人才发展应当坚持党的领导，为促进人才发展提供坚强的政治和组织保障。",              # nothing in particular
    "省人才工作主管部门应当为人才创新创业提供事业和平台支持。",
])
def test_internal_support_is_no_offer(vocab, sentence):
    assert not read(sentence, vocab).measure


def test_people_who_go_to_work_somewhere_are_still_offered(vocab):
    r = read("对到农村基层工作的高校毕业生给予一次性补贴。", vocab)
    assert r.measure and "college_graduate" in r.groups
    assert read("为高校毕业生提供资金支持。", vocab).measure


MATERIALS = ("第一条 台湾同胞投资者以公司名义投资的，应当提供下列文件：\n\n（一）企业营业执照副本；\n\n（二）商业资信证明材料。\n\n"
             "台湾同胞投资者以个人名义投资的，应当提供下列证件：\n\n（一）台湾居民来往大陆通行证；\n\n（二）资信证明。\n\n"
             "第二条 本条例自2020年1月1日起施行。\n")


def test_a_list_of_documents_to_hand_in_offers_nothing(vocab):
    from drafting.writer import Drafter
    draft = Drafter(MATERIALS, "materials-test", "广州", vocab).draft()
    assert draft["measures"] == []
    first = draft["articles"][0]
    assert not first["actionable"] and "申请材料" in first["reason"]


def test_a_cooperative_of_farmers_is_a_body_not_farmers(vocab):
    r = read("对参加农业保险的农民专业合作社给予保费补贴。", vocab)
    assert r.measure and not r.groups
    assert "rural_entrepreneur" in read("对返乡创业的农民给予一次性创业补贴。", vocab).groups


def test_the_family_of_a_group_with_no_family_word_is_that_group(vocab):
    r = read("华侨子女在本市就读义务教育学校的，享受当地户籍居民子女同等待遇。", vocab)
    assert r.measure and r.groups.get("overseas_chinese") == "华侨子女"
    # a group whose vocabulary names its family (军人配偶, 军人家属) keeps reading it as that family
    assert "military_family" in read("对现役军人子女入学的，给予照顾。", vocab).groups


def test_those_a_benefit_is_for_are_people(vocab):
    r = read("各类社会福利机构应当优先接收抚恤优待对象。", vocab)
    assert r.measure and r.beneficiary == "抚恤优待对象"


@pytest.mark.parametrize("sentence, why", [
    ("中央财政对地方给予适当补助，用于帮助解决抚恤优待对象的医疗费用困难问题。", "政府间的转移支付"),
    ("抚恤优待对象被判处有期徒刑期间，中止发放抚恤金、补助金。", "不履行的后果"),
    ("各级人民政府应当保障抚恤优待对象享受公民普惠待遇。", "权利的宣示"),
])
def test_what_those_people_are_not_offered(vocab, sentence, why):
    r = read(sentence, vocab)
    assert not r.measure and r.not_measure.startswith(why)


@pytest.mark.parametrize("sentence, group", [
    ("退役的军士和义务兵入伍前是国有企业人员的，退役后可以选择复职复工。", "veteran"),
    ("引进使用的高层次人才，可以按照规定申报本省重点人才工程。", "high_level_talent"),
])
def test_a_permission_to_return_or_to_apply_is_an_offer(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and group in r.groups


@pytest.mark.parametrize("sentence, word", [
    ("烈士遗属享受烈士褒扬金、一次性抚恤金。", "烈士遗属"),
    ("经批准随军的军官家属、军士家属，由驻军所在地公安机关办理落户手续。", "军官家属"),
])
def test_the_family_of_a_kind_of_soldier_is_a_soldiers_family(vocab, sentence, word):
    r = read(sentence, vocab)
    assert r.measure and r.groups.get("military_family") == word


@pytest.mark.parametrize("sentence", [
    "义务兵服现役期间，其家庭由批准入伍地县级人民政府发给优待金。",
    "退出现役的残疾军人因病死亡的，对其遗属继续发放12个月其原享受的残疾抚恤金。",
    "军官和符合规定条件的军士，其配偶、未成年子女和不能独立生活的成年子女可以办理随军落户。",
])
def test_their_family_after_people_named_first_is_offered(vocab, sentence):
    r = read(sentence, vocab)
    assert r.measure and list(r.groups) == ["military_family"]


@pytest.mark.parametrize("sentence", [
    "残疾抚恤金的标准以及一级至十级残疾军人享受残疾抚恤金的具体办法，由国务院退役军人工作主管部门会同国务院财政部门规定。",
    "抚恤优待对象享受医疗优待和优惠的具体办法由国务院退役军人工作主管部门和中央军事委员会后勤保障部会同国务院有关部门制定。",
])
def test_rules_handed_to_another_are_no_offer_even_long_or_after_a_comma(vocab, sentence):
    r = read(sentence, vocab)
    assert not r.measure and r.not_measure.startswith("授权另定办法")


RATES = ("第一条 获得表彰的军人被评定为烈士的，其遗属在应当享受的一次性抚恤金的基础上，由县级人民政府退役军人工作主管部门"
         "按照下列比例增发一次性抚恤金：\n\n（一）获得勋章的，增发40%；\n\n（二）立一等功的，增发25%。\n\n"
         "第二条 本条例自2020年1月1日起施行。\n")


def test_a_list_of_rates_is_part_of_its_lead_in(vocab):
    from drafting.writer import Drafter
    [m] = Drafter(RATES, "rates-test", "广州", vocab).draft()["measures"]
    assert m["quote"].rstrip("：").endswith("按照下列比例增发一次性抚恤金")


@pytest.mark.parametrize("sentence, giver", [
    ("退出现役的因战、因公致残的残疾军人因旧伤复发死亡的，由县级人民政府退役军人工作主管部门按照因公牺牲军人的抚恤金标准"
     "发给其遗属一次性抚恤金。", "县级人民政府退役军人工作主管部门"),
    ("军人配偶随军前在机关或者事业单位工作的，由安置地人民政府及其主管部门按照国家有关规定，安排到相应的工作单位。",
     "安置地人民政府及其主管部门"),
])
def test_the_unit_after_you_is_who_acts_past_its_standard(vocab, sentence, giver):
    r = read(sentence, vocab)
    assert r.measure and r.actor == giver and "military_family" in r.groups and "disabled" not in r.groups


def test_people_named_first_who_get_something_before_others(vocab):
    r = read("居住农村的符合条件的抚恤优待对象，同等条件下优先纳入国家或者地方实施的农村危房改造相关项目范围。", vocab)
    assert r.measure and r.beneficiary == "居住农村的符合条件的抚恤优待对象"


def test_a_government_giving_on_what_a_groups_people_did(vocab):
    r = read("华侨依法取得用于生产经营的土地，有关部门应当给予确权并发放土地使用权证。", vocab)
    assert r.measure and r.beneficiary == "华侨" and "overseas_chinese" in r.groups
    # a procedure done on their request gives nothing
    assert not read("归侨、侨眷申请出境定居，所在单位和有关部门应及时办理有关手续。", vocab).measure


@pytest.mark.parametrize("sentence, beneficiary", [
    ("各级人民政府应当建立健全就业援助制度，积极帮助和扶持有就业愿望和就业能力的就业困难人员。", "有就业愿望和就业能力的就业困难人员"),
    ("对符合该用人单位需求并适合就业困难人员就业的岗位，优先推荐就业困难人员。", "就业困难人员"),
])
def test_a_group_helped_or_recommended_first(vocab, sentence, beneficiary):
    r = read(sentence, vocab)
    assert r.measure and r.beneficiary == beneficiary and "unemployed" in r.groups


def test_treating_a_group_with_respect_offers_nothing(vocab):
    assert not read("全社会应当尊重、优待退役军人，支持退役军人安置工作。", vocab).measure


@pytest.mark.parametrize("sentence", [
    "各级人民政府应当支持农民专业合作社规范发展和质量提升，健全运行管理制度，提高民主管理水平。",
    "鼓励和支持中小企业专业化、精细化、特色化、新颖化发展。",
    "鼓励和支持农民专业合作社发展壮大，通过创办企业等方式延伸产业链，提高产品附加值。",
])
def test_a_law_supporting_a_kinds_growth_offers_nothing(vocab, sentence):
    assert not read(sentence, vocab, declaratory=True).measure


def test_support_that_names_a_need_or_an_offer_is_still_one(vocab):
    assert read("支持农民专业合作社开展信息、培训、农产品标准与认证等服务。", vocab, declaratory=True).measure
    assert read("支持中小企业发展，对符合条件的给予贷款贴息。", vocab, declaratory=True).measure


@pytest.mark.parametrize("sentence, beneficiary", [
    ("县级以上人民政府充分利用现有医疗和养老服务资源，收治或者集中供养孤老、生活不能自理的退役军人。", "孤老、生活不能自理的退役军人"),
    ("从当地的土地出让收益中一次性安排适当数额的资金，扶持被征地农民就业。", "被征地农民"),
])
def test_a_group_taken_in_or_helped_into_work(vocab, sentence, beneficiary):
    r = read(sentence, vocab)
    assert r.measure and r.beneficiary == beneficiary


def test_encouraging_and_supporting_a_group_into_work_is_a_laws_orientation(vocab):
    assert not read("国家采取政府推动、市场引导、社会支持相结合的方式，鼓励和扶持退役军人就业创业。", vocab,
                    declaratory=True).measure


@pytest.mark.parametrize("sentence, subject", [
    ("市劳动保障部门定期向社会发布职业供求、职业培训等劳动力市场信息。", "市劳动保障部门"),   # 保障 inside the name
    ("市发展改革委会同有关部门建立项目库。", "市发展改革委"),
    ("县级以上人民政府保障残疾人的基本生活。", "县级以上人民政府"),                         # 保障 the verb
])
def test_a_verb_inside_an_offices_name_does_not_end_the_subject(sentence, subject):
    from drafting.subjects import subject_of
    assert subject_of(sentence) == subject


def test_an_office_publishing_to_the_public_offers_its_information(vocab):
    r = read("市劳动保障部门定期向社会发布职业供求、职业培训等劳动力市场信息。", vocab)
    assert r.measure and r.actor == "市劳动保障部门"


def test_fa_gei_gives_in_a_dui_frame(vocab):
    r = read("对服现役期间因患精神障碍评定为五级至六级的残疾军人发给护理费。", vocab)
    assert r.measure and r.frame == "对" and r.offer == "发给"


def test_a_court_or_legal_aid_providing_for_them_is_an_offer(vocab):
    r = read("对有经济困难需要法律援助或者司法救助的华侨，当地法律援助机构或者人民法院应当依法为其提供法律援助或者司法救助。",
             vocab)
    assert r.measure and "overseas_chinese" in r.groups


NURSING = ("第一条 对一级至四级的残疾军人发给护理费，护理费的标准为：\n\n（一）因战一级和二级残疾的，为当地月平均工资的50%；\n\n"
           "（二）因病一级至四级残疾的，为当地月平均工资的30%。\n\n第二条 本条例自2020年1月1日起施行。\n")


def test_a_lead_in_stating_its_standard_is_the_measure(vocab):
    from drafting.writer import Drafter
    [m] = Drafter(NURSING, "nursing-test", "广州", vocab).draft()["measures"]
    assert "发给护理费" in m["quote"]


@pytest.mark.parametrize("sentence, beneficiary", [
    ("县级以上人民政府应当通过新建、购买、租赁人才公寓以及发放住房补贴等形式，多渠道解决人才居住需求。", "人才"),
    ("用人单位可以按照规定为引进的高层次人才和急需紧缺人才购买或者租赁商品住房。", "引进的高层次人才和急需紧缺人才"),
])
def test_housing_solved_or_bought_for_someone(vocab, sentence, beneficiary):
    r = read(sentence, vocab)
    assert r.measure and r.beneficiary == beneficiary


def test_a_difficulty_solved_in_general_is_not_read_as_someones_housing(vocab):
    assert not read("政府、学校应当采取有效措施，解决适龄女性未成年人就学存在的实际困难。", vocab, declaratory=True).measure


FORMS = ("第一条 台湾同胞投资者可以依法采取下列投资形式：\n\n（一）举办拥有全部资本的企业、合资经营企业；\n\n"
         "（二）设立信息、咨询等中介机构；\n\n（三）法律、法规允许的其他投资形式。\n\n第二条 本条例自2020年1月1日起施行。\n")


def test_a_list_of_what_may_be_done_offers_nothing(vocab):
    from drafting.writer import Drafter
    draft = Drafter(FORMS, "forms-test", "广州", vocab).draft()
    assert draft["measures"] == [] and "业务范围" in draft["articles"][0]["reason"]


@pytest.mark.parametrize("sentence, why", [
    ("截留、挪用扶持中小企业发展专项资金或者其他扶持资金的。", "法律责任"),       # a violation listed
    ("依法保障中小企业公平参与市场竞争的权利。", "权利的宣示"),
])
def test_violations_and_rights_guaranteed_are_no_offer(vocab, sentence, why):
    r = read(sentence, vocab, declaratory=True)
    assert not r.measure and r.not_measure.startswith(why)


def test_a_permission_still_reads_after_fa_gei_joins_the_offer_verbs(vocab):
    r = read("在生产一线工作的专业技术人员同等条件下可以优先晋升专业技术职务。", vocab)
    assert r.measure and "researcher" in r.groups


def test_a_benefit_given_by_an_office_to_their_family(vocab):
    r = read("烈士褒扬金由领取烈士证书的烈士遗属户籍所在地县级人民政府退役军人工作主管部门，按照烈士牺牲时上一年度"
             "全国城镇居民人均可支配收入30倍的标准发给其遗属。", vocab)
    assert r.measure and r.beneficiary == "其遗属" and list(r.groups) == ["military_family"]
    assert r.actor.endswith("县级人民政府退役军人工作主管部门")


@pytest.mark.parametrize("sentence, giver", [
    ("军人死亡，根据其死亡性质，由收到《烈士评定通知书》、《军人因公牺牲通知书》、《军人病故通知书》的县级人民政府退役军人"
     "工作主管部门，按照以下标准发给其遗属一次性抚恤金。", "工作主管部门"),
    ("被评定为烈士的，其遗属在应当享受的一次性抚恤金的基础上，由县级人民政府退役军人工作主管部门按照规定增发一次性抚恤金。",
     "县级人民政府退役军人工作主管部门"),
])
def test_a_long_office_after_you_or_one_that_pays_more_acts(vocab, sentence, giver):
    r = read(sentence, vocab)
    assert r.measure and r.actor.endswith(giver)


def test_having_left_active_service_is_being_a_veteran(vocab):
    r = read("退出现役后，在机关、群团组织、企业事业单位和社会组织工作的残疾军人，享受与所在单位工伤人员同等的生活福利和医疗待遇。",
             vocab)
    assert set(r.groups) == {"disabled", "veteran"}
    # their family is not: 军官退出现役时，其配偶…
    assert list(read("符合条件的军官和军士退出现役时，其配偶和子女可以按照国家有关规定随迁落户。", vocab).groups) == \
        ["military_family"]


@pytest.mark.parametrize("sentence, group", [
    ("资助青年博士生等优秀青年人才进行国际学术交流；", "university_student"),
    ("定期选派一定数量的中青年教师、科研人员以及经营管理人员等到国（境）外进修；", "researcher"),
])
def test_people_funded_or_sent_to_do_something(vocab, sentence, group):
    r = read(sentence, vocab)
    assert r.measure and group in r.groups


def test_da_zhong_zhuan_graduates_include_college_graduates(vocab):
    r = read("县级以上人民政府应当利用创业扶持资金，支持登记失业人员、大中专毕业生、残疾人等自主创业。", vocab)
    assert {"unemployed", "college_graduate", "disabled"} <= set(r.groups)
    assert "college_graduate" not in read("对中专毕业生给予一次性补贴。", vocab).groups
